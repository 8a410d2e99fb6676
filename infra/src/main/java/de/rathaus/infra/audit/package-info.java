/**
 * The audit trail on MongoDB: the audit index ({@code audit_index}) and the reading of stored
 * events for auditors, with personal values masked or, for the data-protection officer, decrypted.
 */
package de.rathaus.infra.audit;
