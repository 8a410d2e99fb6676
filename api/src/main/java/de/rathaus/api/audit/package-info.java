/** What auditors read: the audit trail, histories, views as of a moment, and the read models. */
package de.rathaus.api.audit;
