package de.rathaus.domain.participation;

import org.axonframework.serialization.Revision;

/** A draft consultation's content now reads so (all of it, replacing what it said before). */
@Revision("1")
public record ConsultationRevised(ConsultationId id, ConsultationContent content) {

  public ConsultationRevised {
    if (id == null || content == null) {
      throw new IllegalArgumentException("A revised consultation has its id and content");
    }
  }
}
