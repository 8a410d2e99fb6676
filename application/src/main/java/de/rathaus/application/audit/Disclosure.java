package de.rathaus.application.audit;

/** How much of the personal values in payloads a reader of the audit trail sees. */
public enum Disclosure {
  /** Every personal value as {@value AuditEvent#PERSONAL}: what auditors see. */
  MASKED,
  /**
   * Personal values decrypted, {@code [erased]} where the subject's key was destroyed after a
   * recorded erasure: what the data-protection officer sees.
   */
  DECRYPTED
}
