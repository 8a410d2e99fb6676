package de.rathaus.application.open311;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.open311.Open311KeyId;
import de.rathaus.domain.open311.Open311KeyIssued;
import java.time.Instant;

/**
 * An Open311 API key as the key administration and the key check read it: its public id, name, hash
 * (never shown to anyone: the check compares against it) and whether it is revoked.
 *
 * @param keyHash the SHA-256 of the key in lowercase hex
 * @param revokedAt when it was revoked, {@code null} while it is valid
 * @param sequence the sequence number of the key's last event applied, so that a redelivered event
 *     changes nothing
 */
public record Open311KeyView(
    Open311KeyId id,
    String name,
    String keyHash,
    Instant issuedAt,
    Instant revokedAt,
    long sequence)
    implements Versioned<Open311KeyView> {

  static Open311KeyView issued(Open311KeyIssued event) {
    return new Open311KeyView(event.id(), event.name(), event.keyHash(), event.issuedAt(), null, 0);
  }

  Open311KeyView revoked(Instant at) {
    return new Open311KeyView(id, name, keyHash, issuedAt, at, sequence);
  }

  /** Whether the key is still accepted. */
  public boolean valid() {
    return revokedAt == null;
  }

  @Override
  public Open311KeyView atSequence(long sequence) {
    return new Open311KeyView(id, name, keyHash, issuedAt, revokedAt, sequence);
  }

  /** Without the hash: it has no business in a log line. */
  @Override
  public String toString() {
    return "Open311KeyView[id="
        + id.value()
        + ", name="
        + name
        + ", issuedAt="
        + issuedAt
        + ", revokedAt="
        + revokedAt
        + ", sequence="
        + sequence
        + "]";
  }
}
