package de.rathaus.application.statistics;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.SustainabilityGoal;
import java.time.Instant;
import java.util.List;

/**
 * What the participation statistic needs of a consultation: its action field, goals and format, and
 * whether it has opened (a draft is nobody's business but the administrators', so it and all in it
 * count only once it has opened).
 *
 * @param goals the numbers of its sustainability goals
 * @param openedAt when it opened, or {@code null} while it is a draft
 */
public record ConsultationFacts(
    String id,
    String actionField,
    List<Integer> goals,
    ConsultationFormat format,
    Instant openedAt,
    long sequence)
    implements Versioned<ConsultationFacts> {

  public ConsultationFacts {
    goals = List.copyOf(goals);
  }

  static ConsultationFacts drafted(String id, ConsultationContent content) {
    return new ConsultationFacts(id, null, List.of(), null, null, 0).about(content);
  }

  ConsultationFacts about(ConsultationContent content) {
    return new ConsultationFacts(
        id,
        content.actionField().value(),
        content.sustainabilityGoals().stream().map(SustainabilityGoal::number).toList(),
        content.format(),
        openedAt,
        sequence);
  }

  ConsultationFacts opened(Instant at) {
    return new ConsultationFacts(id, actionField, goals, format, at, sequence);
  }

  /** Whether it has opened (and so is public). */
  public boolean opened() {
    return openedAt != null;
  }

  @Override
  public ConsultationFacts atSequence(long sequence) {
    return new ConsultationFacts(id, actionField, goals, format, openedAt, sequence);
  }
}
