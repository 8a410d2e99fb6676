package de.rathaus.domain.open311;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An API key was revoked: it is refused from now on, and never valid again.
 *
 * @param reason why, if the administrator said so ({@code null} otherwise)
 */
@Revision("1")
public record Open311KeyRevoked(Open311KeyId id, String reason, Instant revokedAt) {

  public Open311KeyRevoked {
    if (id == null || revokedAt == null) {
      throw new IllegalArgumentException("A revocation names the key and a time");
    }
  }
}
