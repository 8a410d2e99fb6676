package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Contributions to an ideas consultation ended and its voting phase began: proposals are supported
 * now, no longer submitted or edited.
 *
 * @param at when the phase began: the date set for it when the phase watch moved it (also if the
 *     engine was stopped then), or the moment an administrator moved it by hand
 */
@Revision("1")
public record ConsultationVotingStarted(ConsultationId id, Instant at) {

  public ConsultationVotingStarted {
    if (id == null || at == null) {
      throw new IllegalArgumentException("A phase move names the consultation and its time");
    }
  }
}
