package de.rathaus.domain.participation;

import java.util.regex.Pattern;

/**
 * The id of one citizen's support of one proposal, and of its history in the event store: {@code
 * support-} and a keyed pseudonym (43 characters of base64url) derived from the citizen's key and
 * the proposal. It names neither: without the citizen's key (destroyed by their erasure) nobody can
 * tell whose support it is.
 */
public record SupportId(String value) {

  private static final String PREFIX = "support-";
  private static final Pattern FORM = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");

  public SupportId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("A support id is support- and a pseudonym");
    }
  }

  /** The support with the given pseudonym (43 characters of base64url). */
  public static SupportId of(String pseudonym) {
    return new SupportId(PREFIX + pseudonym);
  }

  @Override
  public String toString() {
    return value;
  }
}
