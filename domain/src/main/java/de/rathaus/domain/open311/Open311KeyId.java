package de.rathaus.domain.open311;

import java.util.regex.Pattern;

/**
 * The public id of an Open311 API key: 20 lowercase hex digits (80 random bits), shown in the key
 * administration and as the first part of the key itself ({@code <id>.<secret>}), so that checking
 * a presented key is one lookup by id. It is not secret. Its history in the event store is kept
 * under {@code open311-key:<id>} ({@link #toString()}), apart from every other kind of record.
 */
public record Open311KeyId(String value) {

  private static final Pattern FORM = Pattern.compile("[0-9a-f]{20}");
  private static final String PREFIX = "open311-key:";

  public Open311KeyId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("An Open311 key id is 20 lowercase hex digits");
    }
  }

  /** Whether {@code text} has the form of a key id (so that a caller's input can be checked). */
  public static boolean isWellFormed(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  /** The id of the key's history in the event store. */
  @Override
  public String toString() {
    return PREFIX + value;
  }
}
