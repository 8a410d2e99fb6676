package de.rathaus.application.statistics;

import java.time.Instant;
import java.util.List;

/**
 * The participation statistic: overall, per action field (by code) and per sustainability goal (by
 * number); a consultation with several goals counts under each of them.
 *
 * @param since when the first consultation counted opened, or {@code null} if none has
 * @param modified when the last thing counted happened, or {@code null} if nothing is
 */
public record ParticipationStatistics(
    ParticipationFigures overall,
    List<ParticipationFigures> actionFields,
    List<ParticipationFigures> goals,
    Instant since,
    Instant modified) {

  public ParticipationStatistics {
    actionFields = List.copyOf(actionFields);
    goals = List.copyOf(goals);
  }
}
