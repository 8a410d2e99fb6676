package de.rathaus.domain.servicerequest;

/**
 * What a document is attached to, which also says who may attach it: the applicant files supporting
 * documents with the request and documents with an answer to the open question; a clerk of the
 * handling department attaches a document to the open question (a form to fill in, say) and the
 * decision letter (Bescheid) to the decision.
 */
public enum AttachmentPurpose {
  /** The applicant's document for the request, while it is open (Nachweis, Anlage). */
  SUPPORTING_DOCUMENT(true),
  /** The applicant's document answering the open question (the information asked for). */
  ANSWER(true),
  /** The office's document to the open question. */
  QUESTION(false),
  /** The office's decision letter, once the case is decided and until it is closed. */
  DECISION_LETTER(false),
  /**
   * The applicant's document for an objection to the decision, once decided and until the objection
   * is decided.
   */
  OBJECTION(true);

  private final boolean byApplicant;

  AttachmentPurpose(boolean byApplicant) {
    this.byApplicant = byApplicant;
  }

  /** Whether the applicant attaches such documents (else a clerk of the department does). */
  public boolean byApplicant() {
    return byApplicant;
  }
}
