package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An administrator drafted a consultation: in {@link ConsultationPhase#DRAFT}, seen by
 * administrators only until it opens.
 *
 * @param at when it was drafted
 */
@Revision("1")
public record ConsultationDrafted(ConsultationId id, ConsultationContent content, Instant at) {

  public ConsultationDrafted {
    if (id == null || content == null || at == null) {
      throw new IllegalArgumentException("A drafted consultation has its id, content and time");
    }
  }
}
