package de.rathaus.domain.participation;

/**
 * An administrator (or the phase watch) asked a consultation for something its rules do not allow.
 * Nothing was recorded; the code says which rule. A rule about the content names the field at fault
 * (the API answers 422 with it); a rule about the phases names none (409).
 */
public class ConsultationRuleViolation extends RuntimeException {

  /** Which rule was violated, and for a rule about the content, the field at fault. */
  public enum Code {
    /** {@code closesAt} is not after {@code opensAt}. */
    CLOSES_BEFORE_IT_OPENS("closesAt"),
    /** {@code closesAt} has passed already: the consultation could take no contribution. */
    CLOSES_IN_THE_PAST("closesAt"),
    /** {@code votingEndsAt} is not after {@code closesAt}. */
    VOTING_ENDS_BEFORE_CLOSING("votingEndsAt"),
    /** A {@code FEEDBACK} consultation has no voting phase, so no date for its end. */
    VOTING_DATE_IN_FEEDBACK("votingEndsAt"),
    /** A support threshold is counted in supports, which only {@code IDEAS} have. */
    THRESHOLD_ONLY_IN_IDEAS("supportThreshold"),
    /** The support threshold is not a positive number of supports. */
    THRESHOLD_NOT_POSITIVE("supportThreshold"),
    /** An answer deadline runs from reaching the threshold, which only {@code IDEAS} have. */
    ANSWER_DEADLINE_ONLY_IN_IDEAS("answerDeadlineDays"),
    /** An answer deadline runs from reaching the support threshold, and none is set. */
    ANSWER_DEADLINE_WITHOUT_THRESHOLD("answerDeadlineDays"),
    /** The answer deadline is not a positive number of days. */
    ANSWER_DEADLINE_NOT_POSITIVE("answerDeadlineDays"),
    /** A sustainability goal is named twice. */
    DUPLICATE_GOAL("sustainabilityGoals"),
    /**
     * Results are published with a summary of what came of the consultation, and none was given.
     */
    SUMMARY_REQUIRED("summary"),
    /** A summary belongs to the published results only, not to another phase. */
    SUMMARY_ONLY_WITH_RESULTS("summary"),
    /** Only a draft's content may change: once open, citizens took part in what it said. */
    NOT_A_DRAFT(null),
    /** Phases never move backwards, nor to the phase the consultation is in. */
    NOT_FORWARD(null),
    /**
     * By hand, a consultation moves one phase at a time (an open one may close without voting): a
     * draft opens first, only an open one starts voting, only a closed one publishes results.
     */
    SKIPS_A_PHASE(null),
    /** A {@code FEEDBACK} consultation has no voting phase. */
    NO_VOTING_IN_FEEDBACK(null),
    /** The phase watch found no date passed that the consultation has not acted on already. */
    NOTHING_DUE(null);

    private final String field;

    Code(String field) {
      this.field = field;
    }

    /** The field of the content or the request at fault, or {@code null} for a phase rule. */
    public String field() {
      return field;
    }
  }

  private final transient ConsultationId consultation;
  private final Code code;

  public ConsultationRuleViolation(ConsultationId consultation, Code code, String message) {
    super(message);
    this.consultation = consultation;
    this.code = code;
  }

  public ConsultationId consultation() {
    return consultation;
  }

  public Code code() {
    return code;
  }
}
