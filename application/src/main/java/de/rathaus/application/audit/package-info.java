/**
 * The audit trail on the application side: the audit index read model ({@code audit-index}), which
 * lists for every filter key (event type, actor, department, ...) the positions of the events that
 * have it, and the port ({@link de.rathaus.application.audit.AuditTrail}) through which auditors
 * read the stored events: filtered and paged by position, or one aggregate's whole history.
 */
package de.rathaus.application.audit;
