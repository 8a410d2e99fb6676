package de.rathaus.application.notification;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.shared.CitizenId;

/**
 * Whether a citizen gets e-mail notifications (on for a citizen who never switched them off).
 *
 * @param id the id of the citizen's preference
 */
public record NotificationSetting(String id, CitizenId citizen, boolean email, long sequence)
    implements Versioned<NotificationSetting> {

  @Override
  public NotificationSetting atSequence(long sequence) {
    return new NotificationSetting(id, citizen, email, sequence);
  }
}
