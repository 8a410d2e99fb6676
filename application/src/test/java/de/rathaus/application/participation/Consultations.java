package de.rathaus.application.participation;

import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.SustainabilityGoal;
import de.rathaus.domain.shared.LocalizedText;
import java.time.Instant;
import java.util.List;

/** Consultation contents for the tests of this package. */
final class Consultations {

  private Consultations() {}

  static ConsultationContent content(
      String actionField,
      List<SustainabilityGoal> goals,
      ConsultationFormat format,
      Instant opens,
      Instant closes,
      Instant votingEnds) {
    return new ConsultationContent(
        new LocalizedText("Beteiligung " + actionField, "Consultation " + actionField),
        new LocalizedText("Worum es geht", "What it is about"),
        new ActionFieldCode(actionField),
        goals,
        null,
        format,
        opens,
        closes,
        votingEnds,
        null,
        null);
  }
}
