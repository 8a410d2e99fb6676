/**
 * What auditors read, on MongoDB: the audit index ({@code audit_index}), the reading of stored
 * events with personal values masked or, for the data-protection officer, decrypted, and the
 * history read back as processors receive it, for views as of a moment.
 */
package de.rathaus.infra.audit;
