/** The notifications' outbox and records on MongoDB. */
package de.rathaus.infra.notification;
