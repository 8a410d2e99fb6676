package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The applicant takes the request back (Rücknahme des Antrags) before it is decided. A reason is
 * optional; it is personal data and not shown by {@link #toString()}.
 */
public record WithdrawServiceRequest(
    @TargetAggregateIdentifier ServiceRequestId id,
    CitizenId applicant,
    String reason,
    Instant at) {

  public WithdrawServiceRequest {
    if (id == null || applicant == null || at == null) {
      throw new IllegalArgumentException("id, applicant and at are required");
    }
    reason = reason == null || reason.isBlank() ? null : reason;
  }

  @Override
  public String toString() {
    return "WithdrawServiceRequest[id=%s, at=%s]".formatted(id, at);
  }
}
