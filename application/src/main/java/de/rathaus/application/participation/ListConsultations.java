package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.SustainabilityGoal;

/**
 * Asks for a page of consultations, those opening last first, filtered by whatever is given. Drafts
 * are included only with {@code withDrafts} (administrators); without it, a query for drafts finds
 * nothing.
 *
 * @param actionField only those of this action field, or {@code null} for all
 * @param phase only those in this phase, or {@code null} for all
 * @param goal only those naming this sustainability goal, or {@code null}
 * @param format only those of this format, or {@code null}
 * @param after the cursor of the previous page, or {@code null} for the first
 */
public record ListConsultations(
    ActionFieldCode actionField,
    ConsultationPhase phase,
    SustainabilityGoal goal,
    ConsultationFormat format,
    boolean withDrafts,
    String after,
    int size) {

  public ListConsultations {
    Page.requireSize(size);
  }

  /** Whether {@code view} is one this query asks for (the order aside). */
  public boolean matches(ConsultationView view) {
    return (withDrafts || view.phase().isPublic())
        && (phase == null || view.phase() == phase)
        && (actionField == null || view.content().actionField().equals(actionField))
        && (goal == null || view.content().sustainabilityGoals().contains(goal))
        && (format == null || view.content().format() == format);
  }
}
