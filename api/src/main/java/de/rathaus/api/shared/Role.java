package de.rathaus.api.shared;

/** Who someone is to the engine; each role sees and may change different things. */
public enum Role {
  /** A citizen or business: submits and follows their own requests, takes part. */
  CITIZEN,
  /** A clerk of one department: works that department's cases. */
  CLERK,
  /** Moderates participation in the open. */
  MODERATOR,
  /** Reads the audit trail and verifies the history. */
  AUDITOR,
  /** Manages the catalogue, consultations and data protection requests. */
  ADMIN,
  /** Runs the engine for the city: reads its metrics, and nothing of its data. */
  OPERATOR;

  public String authority() {
    return "ROLE_" + name();
  }
}
