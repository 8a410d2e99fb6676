package de.rathaus.domain.participation;

/**
 * An administrator asked for a change of an action field that its lifecycle does not allow. Nothing
 * was recorded; the code says why, for the API to answer with a problem (409).
 */
public class ActionFieldRuleViolation extends RuntimeException {

  /** Which rule of the lifecycle was violated. */
  public enum Code {
    /** The action field is retired; a retired action field is never changed again. */
    ALREADY_RETIRED
  }

  private final transient ActionFieldCode actionField;
  private final Code code;

  public ActionFieldRuleViolation(ActionFieldCode actionField, Code code, String message) {
    super(message);
    this.actionField = actionField;
    this.code = code;
  }

  public ActionFieldCode actionField() {
    return actionField;
  }

  public Code code() {
    return code;
  }
}
