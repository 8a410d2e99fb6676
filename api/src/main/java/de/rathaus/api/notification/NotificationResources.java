package de.rathaus.api.notification;

import jakarta.validation.constraints.NotNull;

/** The bodies of the notification settings. */
final class NotificationResources {

  private NotificationResources() {}

  /**
   * The caller's notification settings.
   *
   * @param email whether they are told by e-mail when something happens to their requests and
   *     proposals (at the address they gave with a request)
   */
  record NotificationSettingsAnswer(boolean email) {}

  /**
   * What the caller switches.
   *
   * @param email {@code false} switches e-mail notifications off (what waits is not sent), {@code
   *     true} on again
   */
  record NotificationSettingsInput(@NotNull Boolean email) {}
}
