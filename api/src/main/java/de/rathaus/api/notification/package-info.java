/** Notifications by e-mail: the outbox's processor, the sender over SMTP, the citizen's switch. */
package de.rathaus.api.notification;
