package de.rathaus.domain.participation;

/**
 * The id of an action field's history in the event store: {@code action-field:} and its code. The
 * prefix keeps an action field apart from a service or department of the same code.
 */
public record ActionFieldId(String value) {

  private static final String PREFIX = "action-field:";

  public ActionFieldId {
    if (value == null || !value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("An action field id is action-field:<action field code>");
    }
    new ActionFieldCode(value.substring(PREFIX.length()));
  }

  public static ActionFieldId of(ActionFieldCode code) {
    return new ActionFieldId(PREFIX + code.value());
  }

  /** The action field's code. */
  public ActionFieldCode code() {
    return new ActionFieldCode(value.substring(PREFIX.length()));
  }

  @Override
  public String toString() {
    return value;
  }
}
