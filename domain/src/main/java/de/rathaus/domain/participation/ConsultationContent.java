package de.rathaus.domain.participation;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import java.time.Instant;
import java.util.List;

/**
 * What a consultation is about and when it runs, as an administrator drafts it: the rules about how
 * its parts fit together (dates in order, a voting phase only for ideas) are the {@link
 * Consultation}'s.
 *
 * @param actionField the action field of the city's strategy it belongs to
 * @param sustainabilityGoals the UN goals it contributes to, in the order given (may be empty)
 * @param department the organising department, or {@code null} if none is named
 * @param opensAt when it opens for contributions
 * @param closesAt when contributions end: voting starts then if there is a voting phase, otherwise
 *     it closes
 * @param votingEndsAt when voting ends and it closes, or {@code null} for no voting phase
 * @param supportThreshold the supports after which the city must answer a proposal, or {@code null}
 * @param answerDeadlineDays the days the city has to answer a proposal that reached the threshold,
 *     or {@code null}
 */
public record ConsultationContent(
    LocalizedText title,
    LocalizedText description,
    ActionFieldCode actionField,
    List<SustainabilityGoal> sustainabilityGoals,
    DepartmentCode department,
    ConsultationFormat format,
    Instant opensAt,
    Instant closesAt,
    Instant votingEndsAt,
    Integer supportThreshold,
    Integer answerDeadlineDays) {

  public ConsultationContent {
    if (title == null || description == null) {
      throw new IllegalArgumentException("A consultation needs a title and a description");
    }
    if (actionField == null || format == null) {
      throw new IllegalArgumentException("A consultation needs an action field and a format");
    }
    if (opensAt == null || closesAt == null) {
      throw new IllegalArgumentException("A consultation needs the dates it opens and closes");
    }
    if (sustainabilityGoals == null || sustainabilityGoals.stream().anyMatch(g -> g == null)) {
      throw new IllegalArgumentException("The sustainability goals are a list of goals");
    }
    sustainabilityGoals = List.copyOf(sustainabilityGoals);
  }
}
