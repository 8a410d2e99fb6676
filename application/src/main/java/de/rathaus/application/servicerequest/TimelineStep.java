package de.rathaus.application.servicerequest;

/** What happened at a step of a request's public timeline. */
public enum TimelineStep {
  /** The request was received. */
  SUBMITTED,
  /** A clerk took the case (who is not said: the applicant sees the department, not the clerk). */
  ASSIGNED,
  /** The case went to another department. */
  FORWARDED,
  /** The office asked the applicant a question; the deadline clock is paused. */
  INFORMATION_REQUESTED,
  /** The applicant answered; the clock runs again. */
  INFORMATION_ANSWERED,
  /** The office stopped waiting for an answer; the clock runs again. */
  INFORMATION_REQUEST_CANCELLED,
  /** The case passed its due date without a decision. */
  OVERDUE,
  /** The office decided (Bescheid). */
  DECIDED,
  /** The decided case was filed away. */
  CLOSED,
  /** The applicant withdrew the request. */
  WITHDRAWN,
  /**
   * The applicant objected to the decision (Widerspruch); the office decides it by its own date.
   */
  OBJECTION_FILED,
  /** The office decided the objection; the case is decided again. */
  OBJECTION_DECIDED,
  /** The applicant corrected their contact details (which ones and how is not shown here). */
  CONTACT_RECTIFIED
}
