package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator drafts a consultation under a new id: seen by administrators only, it opens by
 * itself at its {@code opensAt} (or when an administrator opens it).
 *
 * @param at when it is drafted; a consultation that would close before then is refused
 */
public record DraftConsultation(
    @TargetAggregateIdentifier ConsultationId id, ConsultationContent content, Instant at) {

  public DraftConsultation {
    if (id == null || content == null || at == null) {
      throw new IllegalArgumentException("Drafting a consultation needs its id, content and time");
    }
  }
}
