package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.PersonalData;

/**
 * The office's decision on a case (Bescheid): the outcome, the reasons the applicant can follow,
 * and the legal basis it rests on (for example {@code § 45 Abs. 1b StVO}). Both texts are required:
 * a decision without reasons cannot be reviewed or appealed. Both are free text a clerk writes
 * about the applicant's case (a legal basis can name the applicant's circumstances, "§ 22 … wegen
 * Schwerbehinderung"), so both are the applicant's personal data.
 */
public record Decision(
    DecisionOutcome outcome, @PersonalData String reasoning, @PersonalData String legalBasis) {

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

  /** Without reasoning and legal basis: both are free text that may speak of the applicant. */
  @Override
  public String toString() {
    return "Decision[outcome=%s]".formatted(outcome);
  }
}
