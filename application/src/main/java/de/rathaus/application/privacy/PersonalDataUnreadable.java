package de.rathaus.application.privacy;

/**
 * A stored personal value that cannot be read as what it claims to be: it belongs to another
 * citizen or to another field than the one it is found in, it was altered, or it is of a format
 * this version does not read. Such a value is an error, never a placeholder and never someone
 * else's text. The message says which of these it is and never quotes the value.
 */
public final class PersonalDataUnreadable extends RuntimeException {

  /** What is wrong with the value. */
  public enum Problem {
    /** The value's envelope names another data subject than the record it is found in. */
    OTHER_SUBJECT("it belongs to another data subject than the record it is found in"),
    /**
     * The value does not authenticate under its key: altered, or moved from another field (the
     * field is part of what is authenticated).
     */
    NOT_AUTHENTIC("it does not authenticate: altered, or moved from another field"),
    /** An envelope of format v1, which was not bound to its record and is no longer read. */
    OLD_FORMAT(
        "it is an envelope of format v1 (not bound to its record), which this version does not"
            + " read; the store was written by an earlier version"),
    /** The envelope is damaged or of an unknown format. */
    DAMAGED("its envelope is damaged or of an unknown format"),
    /** An envelope in a record without a data subject. */
    NO_SUBJECT("it is found in a record without a data subject");

    private final String explanation;

    Problem(String explanation) {
      this.explanation = explanation;
    }
  }

  private final Problem problem;

  public PersonalDataUnreadable(Problem problem) {
    super("A stored personal value cannot be read: " + problem.explanation, null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
