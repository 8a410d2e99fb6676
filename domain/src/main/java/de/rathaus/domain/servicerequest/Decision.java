package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.PersonalData;

/**
 * The office's decision on a case (Bescheid): the outcome, the reasons the applicant can follow,
 * and the legal basis it rests on (for example {@code § 45 Abs. 1b StVO}). Both texts are required:
 * a decision without reasons cannot be reviewed or appealed.
 */
public record Decision(DecisionOutcome outcome, @PersonalData String reasoning, String legalBasis) {

  public Decision {
    if (outcome == null) {
      throw new IllegalArgumentException("A decision needs an outcome");
    }
    if (reasoning == null || reasoning.isBlank()) {
      throw new IllegalArgumentException("A decision needs its reasoning");
    }
    if (legalBasis == null || legalBasis.isBlank()) {
      throw new IllegalArgumentException("A decision needs its legal basis");
    }
  }

  /** Without the reasoning: it speaks of the applicant. */
  @Override
  public String toString() {
    return "Decision[outcome=%s, legalBasis=%s]".formatted(outcome, legalBasis);
  }
}
