package de.rathaus.domain.open311;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator revokes an API key for good (a client retired, a key leaked): from then on the
 * key is refused.
 *
 * @param reason why, if the administrator said so ({@code null} otherwise)
 */
public record RevokeOpen311Key(
    @TargetAggregateIdentifier Open311KeyId id, String reason, Instant at) {

  public RevokeOpen311Key {
    if (id == null || at == null) {
      throw new IllegalArgumentException("Revoking a key needs its id and a time");
    }
    reason = reason == null || reason.isBlank() ? null : reason;
  }
}
