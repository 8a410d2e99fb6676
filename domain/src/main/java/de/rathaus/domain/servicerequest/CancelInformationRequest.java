package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A clerk stops waiting for the applicant without an answer through the portal, for example because
 * the documents came by post or the answer date has passed, so that the case can be decided. The
 * deadline clock runs again.
 */
public record CancelInformationRequest(
    @TargetAggregateIdentifier ServiceRequestId id,
    String reason,
    DepartmentCode actorDepartment,
    Instant at) {

  public CancelInformationRequest {
    if (id == null || actorDepartment == null || at == null) {
      throw new IllegalArgumentException("id, actorDepartment and at are required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A cancellation needs a reason");
    }
  }
}
