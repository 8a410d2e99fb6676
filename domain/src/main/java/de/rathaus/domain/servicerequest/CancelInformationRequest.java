package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A clerk stops waiting for the applicant's answer to the open question, for example because the
 * documents came by post or the answer date has passed without an answer, so that the case can be
 * decided. The deadline clock runs again.
 */
public record CancelInformationRequest(
    @TargetAggregateIdentifier ServiceRequestId id,
    InformationRequestId informationRequestId,
    String reason,
    DepartmentCode actorDepartment,
    Instant at) {

  public CancelInformationRequest {
    if (id == null || informationRequestId == null || actorDepartment == null || at == null) {
      throw new IllegalArgumentException(
          "id, informationRequestId, actorDepartment and at are required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A cancellation needs a reason");
    }
  }

  /** Without the reason: it may speak of the applicant. */
  @Override
  public String toString() {
    return "CancelInformationRequest[id=%s, informationRequestId=%s, actorDepartment=%s, at=%s]"
        .formatted(id, informationRequestId, actorDepartment, at);
  }
}
