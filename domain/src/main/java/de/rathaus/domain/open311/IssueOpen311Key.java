package de.rathaus.domain.open311;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator issues an API key to an Open311 client (an app or a dashboard, by name). The
 * command carries only the key's hash: the key itself is shown to the administrator once and kept
 * nowhere.
 *
 * @param name what the key is for, as the administrator names it (at most {@value
 *     Open311KeyRules#MAX_NAME_LENGTH} characters)
 * @param keyHash the SHA-256 of the key, 64 lowercase hex digits
 */
public record IssueOpen311Key(
    @TargetAggregateIdentifier Open311KeyId id, String name, String keyHash, Instant at) {

  public IssueOpen311Key {
    if (id == null || at == null) {
      throw new IllegalArgumentException("Issuing a key needs its id and a time");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Issuing a key needs a name");
    }
    if (keyHash == null || keyHash.isBlank()) {
      throw new IllegalArgumentException("Issuing a key needs its hash");
    }
  }

  @Override
  public String toString() {
    return "IssueOpen311Key[id=" + id + ", name=" + name + ", at=" + at + "]";
  }
}
