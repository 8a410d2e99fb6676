package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A consultation closed: it takes no contributions and no supports any more; its results are to
 * come.
 *
 * @param at when the phase began: the date set for it when the phase watch moved it (also if the
 *     engine was stopped then), or the moment an administrator moved it by hand
 */
@Revision("1")
public record ConsultationClosed(ConsultationId id, Instant at) {

  public ConsultationClosed {
    if (id == null || at == null) {
      throw new IllegalArgumentException("A phase move names the consultation and its time");
    }
  }
}
