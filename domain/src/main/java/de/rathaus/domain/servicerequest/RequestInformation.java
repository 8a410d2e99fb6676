package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A clerk asks the applicant for missing information or documents (Nachforderung), with a date by
 * which to answer. Until the answer comes, the case's deadline clock is paused.
 */
public record RequestInformation(
    @TargetAggregateIdentifier ServiceRequestId id,
    InformationRequestId informationRequestId,
    String question,
    Instant answerDueDate,
    DepartmentCode actorDepartment,
    Instant at) {

  public RequestInformation {
    if (id == null
        || informationRequestId == null
        || answerDueDate == null
        || actorDepartment == null
        || at == null) {
      throw new IllegalArgumentException(
          "id, informationRequestId, answerDueDate, actorDepartment and at are required");
    }
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("A question is required");
    }
  }

  /** Without the question: it may speak of the applicant. */
  @Override
  public String toString() {
    return "RequestInformation[id=%s, informationRequestId=%s, answerDueDate=%s, at=%s]"
        .formatted(id, informationRequestId, answerDueDate, at);
  }
}
