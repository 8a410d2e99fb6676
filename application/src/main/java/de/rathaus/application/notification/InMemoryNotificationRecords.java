package de.rathaus.application.notification;

import de.rathaus.application.shared.InMemoryViews;
import de.rathaus.domain.shared.CitizenId;
import java.util.Comparator;
import java.util.Optional;

/** The notifications' records in memory, for tests. */
public final class InMemoryNotificationRecords {

  private InMemoryNotificationRecords() {}

  /** Request contacts in memory. */
  public static class Contacts extends InMemoryViews<RequestContact> implements RequestContacts {
    public Contacts() {
      super(RequestContact::id);
    }

    @Override
    public Optional<RequestContact> latestWithAddress(CitizenId citizen) {
      return all(
              c -> c.applicant().equals(citizen) && c.address() != null,
              Comparator.comparing(RequestContact::submittedAt)
                  .reversed()
                  .thenComparing(RequestContact::id))
          .stream()
          .findFirst();
    }
  }

  /** Proposal authors in memory. */
  public static class Authors extends InMemoryViews<ProposalAuthor> implements ProposalAuthors {
    public Authors() {
      super(ProposalAuthor::id);
    }
  }

  /** Settings in memory. */
  public static class Settings extends InMemoryViews<NotificationSetting>
      implements NotificationSettings {
    public Settings() {
      super(NotificationSetting::id);
    }
  }
}
