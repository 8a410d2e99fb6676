package de.rathaus.domain.notification;

import de.rathaus.domain.shared.CitizenId;

/**
 * The id of a citizen's notification preference and of its history: {@code notifications-} and the
 * citizen's (pseudonymous) id, so that each citizen has exactly one.
 */
public record NotificationPreferenceId(String value) {

  private static final String PREFIX = "notifications-";

  public NotificationPreferenceId {
    if (value == null || !value.startsWith(PREFIX) || value.length() == PREFIX.length()) {
      throw new IllegalArgumentException("A preference id is notifications- and a citizen id");
    }
  }

  /** The preference of this citizen. */
  public static NotificationPreferenceId of(CitizenId citizen) {
    return new NotificationPreferenceId(PREFIX + citizen.value());
  }

  @Override
  public String toString() {
    return value;
  }
}
