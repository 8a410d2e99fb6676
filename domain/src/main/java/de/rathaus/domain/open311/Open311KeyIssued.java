package de.rathaus.domain.open311;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An API key was issued to an Open311 client. The event holds the key's SHA-256, never the key: a
 * presented key is checked by hashing it and comparing with this hash.
 *
 * @param name what the key is for (an app or dashboard), as the administrator named it
 * @param keyHash the SHA-256 of the key, 64 lowercase hex digits
 */
@Revision("1")
public record Open311KeyIssued(Open311KeyId id, String name, String keyHash, Instant issuedAt) {

  public Open311KeyIssued {
    if (id == null || name == null || keyHash == null || issuedAt == null) {
      throw new IllegalArgumentException("An issued key has an id, a name, a hash and a time");
    }
  }

  /** Without the hash: it has no business in a log line. */
  @Override
  public String toString() {
    return "Open311KeyIssued[id=" + id + ", name=" + name + ", issuedAt=" + issuedAt + "]";
  }
}
