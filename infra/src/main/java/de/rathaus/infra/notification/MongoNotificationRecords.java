package de.rathaus.infra.notification;

import static de.rathaus.infra.shared.VersionedJsonViews.field;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.rathaus.application.notification.NotificationSetting;
import de.rathaus.application.notification.NotificationSettings;
import de.rathaus.application.notification.ProposalAuthor;
import de.rathaus.application.notification.ProposalAuthors;
import de.rathaus.application.notification.RequestContact;
import de.rathaus.application.notification.RequestContacts;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.util.Optional;
import org.bson.Document;

/**
 * What the outbox's processor keeps to address its messages, on MongoDB, in collections of their
 * own (no read-model generation owns them): each request's contact (its address encrypted), each
 * proposal's author, each citizen's setting.
 */
public final class MongoNotificationRecords {

  static final String CONTACTS = "notification_contacts";
  static final String AUTHORS = "notification_authors";
  static final String SETTINGS = "notification_settings";

  private MongoNotificationRecords() {}

  /** The request contacts. */
  public static class Contacts extends StoredViews<RequestContact> implements RequestContacts {

    public Contacts(MongoDatabase database, ObjectMapper json) {
      super(
          new VersionedJsonViews<>(
              database,
              CONTACTS,
              json,
              RequestContact.class,
              RequestContact::id,
              c ->
                  new Document("applicant", c.applicant().value())
                      .append("withAddress", c.address() != null)
                      .append("submitted", c.submittedAt().toEpochMilli())));
    }

    @Override
    public Optional<RequestContact> latestWithAddress(CitizenId citizen) {
      return views
          .where(
              Filters.and(
                  Filters.eq(field("applicant"), citizen.value()),
                  Filters.eq(field("withAddress"), true)),
              Sorts.descending(field("submitted"), "_id"))
          .stream()
          .filter(c -> c.address() != null)
          .findFirst();
    }
  }

  /** The proposal authors. */
  public static class Authors extends StoredViews<ProposalAuthor> implements ProposalAuthors {
    public Authors(MongoDatabase database, ObjectMapper json) {
      super(
          new VersionedJsonViews<>(
              database,
              AUTHORS,
              json,
              ProposalAuthor.class,
              ProposalAuthor::id,
              a -> new Document()));
    }
  }

  /** The settings. */
  public static class Settings extends StoredViews<NotificationSetting>
      implements NotificationSettings {
    public Settings(MongoDatabase database, ObjectMapper json) {
      super(
          new VersionedJsonViews<>(
              database,
              SETTINGS,
              json,
              NotificationSetting.class,
              NotificationSetting::id,
              s -> new Document()));
    }
  }
}
