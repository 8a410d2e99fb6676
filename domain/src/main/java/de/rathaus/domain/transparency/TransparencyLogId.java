package de.rathaus.domain.transparency;

/**
 * The id of a tamper-evident log: its origin as the C2SP checkpoint format names it, a schema-less
 * URL such as {@code heilbronn.de/rathaus} (letters, digits, {@code . - _ /}, at most 100).
 */
public record TransparencyLogId(String value) {

  private static final String FORMAT = "[a-z0-9][a-z0-9._/-]{0,99}";

  public TransparencyLogId {
    if (value == null || !value.matches(FORMAT)) {
      throw new IllegalArgumentException(
          "A log id is a schema-less URL: lower-case letters, digits, '.', '_', '/', '-', at most"
              + " 100");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
