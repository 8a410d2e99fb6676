package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator saves a draft consultation's content as it is now (all of it). Once it is open
 * its content stays: citizens took part in what it said.
 */
public record ReviseConsultation(
    @TargetAggregateIdentifier ConsultationId id, ConsultationContent content, Instant at) {

  public ReviseConsultation {
    if (id == null || content == null || at == null) {
      throw new IllegalArgumentException("Revising a consultation needs its id, content and time");
    }
  }
}
