package de.rathaus.application.notification;

import de.rathaus.application.shared.VersionedViews;

/** The citizens' notification settings, per preference id. */
public interface NotificationSettings extends VersionedViews<NotificationSetting> {}
