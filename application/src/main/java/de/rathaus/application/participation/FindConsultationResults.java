package de.rathaus.application.participation;

import de.rathaus.domain.participation.ConsultationId;
import java.time.Instant;

/**
 * Asks for what came of a consultation: each proposal with its supports, comments and the city's
 * answer, and how well the city answered.
 *
 * @param now the instant the answer deadlines are judged at
 */
public record FindConsultationResults(ConsultationId consultation, Instant now) {

  public FindConsultationResults {
    if (consultation == null || now == null) {
      throw new IllegalArgumentException("Results need the consultation and the time");
    }
  }
}
