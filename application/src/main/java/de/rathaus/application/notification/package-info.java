/**
 * Notifications by e-mail, through an outbox: {@link
 * de.rathaus.application.notification.NotificationOutboxProjection} writes one message per event
 * that a citizen is told about, keyed by the event's id (a replay writes none twice), and {@link
 * de.rathaus.application.notification.NotificationDelivery} sends what waits, with retries, each
 * message claimed before it is sent so that several instances send it once.
 */
package de.rathaus.application.notification;
