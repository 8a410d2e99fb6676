package de.rathaus.application.participation;

import de.rathaus.domain.participation.ConsultationId;

/**
 * Asks for one consultation by id, in whatever phase (the caller decides who may see a draft);
 * answers an empty Optional for an id that names none.
 */
public record FindConsultation(ConsultationId id) {

  public FindConsultation {
    if (id == null) {
      throw new IllegalArgumentException("A consultation id is required");
    }
  }
}
