package de.rathaus.domain.servicerequest;

/** What the office decided on an objection. */
public enum ObjectionOutcome {
  /**
   * The office remedies the decision as the applicant asked (Abhilfe: dem Widerspruch abgeholfen).
   */
  OBJECTION_UPHELD,
  /** The decision stands (der Widerspruch wird zurückgewiesen). */
  OBJECTION_REJECTED
}
