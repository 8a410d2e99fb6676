package de.rathaus.domain.participation;

import java.util.regex.Pattern;

/**
 * The id of one citizen's rating of one feedback item, and of its history in the event store:
 * {@code rating-} and a keyed pseudonym (43 characters of base64url) derived from the citizen's key
 * and the proposal. It names neither: without the citizen's key (destroyed by their erasure) nobody
 * can tell whose rating it is.
 */
public record RatingId(String value) {

  private static final String PREFIX = "rating-";
  private static final Pattern FORM = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");

  public RatingId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("A rating id is rating- and a pseudonym");
    }
  }

  /** The rating with the given pseudonym (43 characters of base64url). */
  public static RatingId of(String pseudonym) {
    return new RatingId(PREFIX + pseudonym);
  }

  @Override
  public String toString() {
    return value;
  }
}
