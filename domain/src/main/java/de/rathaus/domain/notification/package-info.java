/**
 * Whether a citizen wants to be told by e-mail when something happens to their requests and
 * proposals: one {@link de.rathaus.domain.notification.NotificationPreference} per citizen, on
 * unless they switched it off.
 */
package de.rathaus.domain.notification;
