package de.rathaus.domain.open311;

/**
 * An administrator asked for a change of an API key that its rules do not allow. Nothing was
 * recorded; the code says why, for the API to answer with a problem (409 or 422).
 */
public class Open311KeyRuleViolation extends RuntimeException {

  /** Which rule was violated. */
  public enum Code {
    /** The key is revoked already; a revoked key stays revoked. */
    ALREADY_REVOKED,
    /** The name is longer than {@value Open311KeyRules#MAX_NAME_LENGTH} characters. */
    NAME_TOO_LONG,
    /** The hash is no SHA-256 in hex: the key cannot be checked against it. */
    MALFORMED_HASH
  }

  private final Code code;

  public Open311KeyRuleViolation(Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
