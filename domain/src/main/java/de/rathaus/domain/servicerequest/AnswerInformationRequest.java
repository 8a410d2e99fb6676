package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The applicant answers the office's open question. The answer text is personal data and is not
 * shown by {@link #toString()}.
 */
public record AnswerInformationRequest(
    @TargetAggregateIdentifier ServiceRequestId id, CitizenId applicant, String text, Instant at) {

  public AnswerInformationRequest {
    if (id == null || applicant == null || at == null) {
      throw new IllegalArgumentException("id, applicant and at are required");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("An answer needs a text");
    }
  }

  @Override
  public String toString() {
    return "AnswerInformationRequest[id=%s, at=%s]".formatted(id, at);
  }
}
