package de.rathaus.domain.participation;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a consultation, public in its URL and the id of its history in the event store: {@code
 * consultation-} and a random UUID. Nothing is derived from its title, so renaming a draft changes
 * no id; the prefix keeps a consultation's history apart from every other kind of record (requests
 * are bare UUIDs, services and departments codes, action fields {@code action-field:…}).
 */
public record ConsultationId(String value) {

  private static final String PREFIX = "consultation-";
  private static final Pattern FORM =
      Pattern.compile(
          Pattern.quote(PREFIX) + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public ConsultationId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "A consultation id is consultation- and a UUID in lowercase");
    }
  }

  public static ConsultationId of(UUID uuid) {
    return new ConsultationId(PREFIX + uuid.toString().toLowerCase(java.util.Locale.ROOT));
  }

  /** Whether {@code text} has the form of a consultation id (for a path that may name none). */
  public static boolean wellFormed(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
