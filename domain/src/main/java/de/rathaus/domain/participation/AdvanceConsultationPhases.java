package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The phase watch asks a consultation to take every phase move its dates say is due by {@code now},
 * in order: a watch run after days of downtime moves a draft through open and voting to closed in
 * one go. The consultation refuses if nothing is due (the watch read an old view).
 */
public record AdvanceConsultationPhases(@TargetAggregateIdentifier ConsultationId id, Instant now) {

  public AdvanceConsultationPhases {
    if (id == null || now == null) {
      throw new IllegalArgumentException("Advancing a consultation needs its id and the time");
    }
  }
}
