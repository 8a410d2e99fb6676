package de.rathaus.domain.participation;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a comment on a proposal, public in the proposal's comments and in the moderation log:
 * {@code comment-} and a random UUID. It says nothing about who wrote it.
 */
public record CommentId(String value) {

  private static final String PREFIX = "comment-";
  private static final Pattern FORM =
      Pattern.compile(
          Pattern.quote(PREFIX) + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public CommentId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("A comment id is comment- and a UUID in lowercase");
    }
  }

  public static CommentId of(UUID uuid) {
    return new CommentId(PREFIX + uuid.toString().toLowerCase(Locale.ROOT));
  }

  /** Whether {@code text} has the form of a comment id (for a body that may name none). */
  public static boolean wellFormed(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
