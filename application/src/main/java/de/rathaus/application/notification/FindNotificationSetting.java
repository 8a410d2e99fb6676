package de.rathaus.application.notification;

import de.rathaus.domain.shared.CitizenId;

/** Whether this citizen gets e-mail notifications. */
public record FindNotificationSetting(CitizenId citizen) {}
