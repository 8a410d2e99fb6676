package de.rathaus.domain.participation;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a proposal, public in its URL and the id of its history in the event store: {@code
 * proposal-} and a random UUID. It says nothing about its author or its consultation.
 */
public record ProposalId(String value) {

  private static final String PREFIX = "proposal-";
  private static final Pattern FORM =
      Pattern.compile(
          Pattern.quote(PREFIX) + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public ProposalId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("A proposal id is proposal- and a UUID in lowercase");
    }
  }

  public static ProposalId of(UUID uuid) {
    return new ProposalId(PREFIX + uuid.toString().toLowerCase(Locale.ROOT));
  }

  /** Whether {@code text} has the form of a proposal id (for a path that may name none). */
  public static boolean wellFormed(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
