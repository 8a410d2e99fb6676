package de.rathaus.application.open311;

import de.rathaus.domain.open311.Open311KeyId;
import java.time.Instant;

/**
 * A key just issued, as its administrator sees it this once: with the key itself, which is kept
 * nowhere (only its hash is recorded).
 *
 * @param key {@code <id>.<secret>}: the id and 256 random bits in base64url
 */
public record IssuedOpen311Key(Open311KeyId id, String name, String key, Instant issuedAt) {

  /** Without the key: it must never reach a log line. */
  @Override
  public String toString() {
    return "IssuedOpen311Key[id=" + id.value() + ", name=" + name + ", issuedAt=" + issuedAt + "]";
  }
}
