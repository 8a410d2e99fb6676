package de.rathaus.domain.participation;

import de.rathaus.domain.shared.LocalizedText;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator moves a consultation to a later phase by hand, earlier than its dates would, or
 * publishes its results (which only an administrator does, with a summary of what came of it).
 *
 * @param summary the published result summary: required for {@link
 *     ConsultationPhase#RESULTS_PUBLISHED}, refused for every other phase
 * @param at when the move takes effect (now)
 */
public record MoveConsultationPhase(
    @TargetAggregateIdentifier ConsultationId id,
    ConsultationPhase phase,
    LocalizedText summary,
    Instant at) {

  public MoveConsultationPhase {
    if (id == null || phase == null || at == null) {
      throw new IllegalArgumentException("A phase move needs the consultation, phase and time");
    }
  }
}
