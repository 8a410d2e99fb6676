package de.rathaus.domain.transparency;

/** A checkpoint the log refuses: it would not extend the log. */
public class CheckpointRuleViolation extends RuntimeException {

  /** The rule broken. */
  public enum Rule {
    /** A checkpoint must cover more leaves than the last one. */
    NOT_LARGER_THAN_THE_LAST,
    /** A checkpoint must cover an event the last one did not: the log never feeds itself. */
    NOTHING_NEW
  }

  private final Rule rule;

  public CheckpointRuleViolation(Rule rule) {
    super("Checkpoint refused: " + rule);
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }
}
