package de.rathaus.infra.notification;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.notification.NotificationSettings;
import de.rathaus.application.notification.Outbox;
import de.rathaus.application.notification.ProposalAuthors;
import de.rathaus.application.notification.RequestContacts;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.mongo.RathausMongo;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The notifications' outbox and records on MongoDB. Deliberately not bound through the read-model
 * generations and not rebuildable by name: a rebuild would drop the record of what was sent.
 */
@AutoConfiguration(
    after = {MongoStorageAutoConfiguration.class, PersonalDataAutoConfiguration.class})
public class NotificationAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(Outbox.class)
  public Outbox notificationOutbox(RathausMongo mongo, MongoDatabase database, ProtectedJson json) {
    Runnable afterWrite = mongo.isEmbedded() ? mongo.embedded()::commit : () -> {};
    return new MongoOutbox(database, json.mapper(), afterWrite);
  }

  @Bean
  @ConditionalOnMissingBean(RequestContacts.class)
  public RequestContacts notificationContacts(MongoDatabase database, ProtectedJson json) {
    return new MongoNotificationRecords.Contacts(database, json.mapper());
  }

  @Bean
  @ConditionalOnMissingBean(ProposalAuthors.class)
  public ProposalAuthors notificationAuthors(MongoDatabase database, ProtectedJson json) {
    return new MongoNotificationRecords.Authors(database, json.mapper());
  }

  @Bean
  @ConditionalOnMissingBean(NotificationSettings.class)
  public NotificationSettings notificationSettings(MongoDatabase database, ProtectedJson json) {
    return new MongoNotificationRecords.Settings(database, json.mapper());
  }
}
