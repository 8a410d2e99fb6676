package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A consultation opened for contributions (proposals, ratings, comments).
 *
 * @param at when the phase began: the date set for it when the phase watch moved it (also if the
 *     engine was stopped then), or the moment an administrator moved it by hand
 */
@Revision("1")
public record ConsultationOpened(ConsultationId id, Instant at) {

  public ConsultationOpened {
    if (id == null || at == null) {
      throw new IllegalArgumentException("A phase move names the consultation and its time");
    }
  }
}
