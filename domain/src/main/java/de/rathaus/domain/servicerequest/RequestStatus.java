package de.rathaus.domain.servicerequest;

/**
 * Where a request stands, as the citizen sees it in the status timeline and a clerk in the work
 * queue. {@link #SUBMITTED}, {@link #IN_PROGRESS} and {@link #WAITING_FOR_APPLICANT} are open: the
 * applicant may still withdraw and the office still works on it. {@link #OBJECTION_PENDING} is open
 * too (the office works on the objection, the deadline runs), but it is not withdrawn as a request.
 */
public enum RequestStatus {
  /** Received by the city, not yet taken by a clerk (eingegangen). */
  SUBMITTED,
  /** A clerk works on it (in Bearbeitung). */
  IN_PROGRESS,
  /** The office asked the applicant a question; the deadline clock is paused until the answer. */
  WAITING_FOR_APPLICANT,
  /** The office has decided (Bescheid erteilt). */
  DECIDED,
  /** Finished and filed away after the decision (abgeschlossen). */
  CLOSED,
  /** The applicant took the request back before a decision (zurückgezogen). */
  WITHDRAWN,
  /**
   * The applicant objected to the decision (Widerspruch); the office decides the objection by its
   * own deadline, then the case is decided again.
   */
  OBJECTION_PENDING;

  /** Whether the case is still being processed. */
  public boolean isOpen() {
    return this == SUBMITTED
        || this == IN_PROGRESS
        || this == WAITING_FOR_APPLICANT
        || this == OBJECTION_PENDING;
  }
}
