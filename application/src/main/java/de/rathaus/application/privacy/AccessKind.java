package de.rathaus.application.privacy;

/** What kind of read of a citizen's personal data an access-log entry records. */
public enum AccessKind {
  /** The applicant read their own request. */
  REQUEST,
  /** A clerk of the department read the case (also the case a clerk's action answered). */
  CASE,
  /** A clerk's search by the applicant's name listed the case. */
  SEARCH_RESULT,
  /** The data-protection officer read the case as it stood at a moment, personal values shown. */
  CASE_AS_OF,
  /** The data-protection officer read the case's history with personal values shown. */
  CASE_HISTORY,
  /** The audit trail was read with personal values shown and held events of the case. */
  AUDIT_TRAIL,
  /** Everything held about the citizen was exported (DSGVO Art. 15, 20). */
  EXPORT
}
