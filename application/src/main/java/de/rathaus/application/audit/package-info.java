/**
 * What auditors read: the audit index read model ({@code audit-index}), which lists for every
 * filter key (event type, actor, department, ...) the positions of the events that have it; the
 * port ({@link de.rathaus.application.audit.AuditTrail}) through which auditors read the stored
 * events, filtered and paged by position or one aggregate's whole history; and any aggregate's view
 * as it stood at a moment ({@link de.rathaus.application.audit.StatesAsOf}), built by the read
 * models' own projection code in memory over part of that history; and the read models rebuilt by
 * name from the whole history (generations and versions of read models).
 */
package de.rathaus.application.audit;
