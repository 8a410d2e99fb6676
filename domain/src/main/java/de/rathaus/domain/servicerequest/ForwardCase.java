package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A clerk passes a case to the department that is responsible for it (Abgabe), saying why; the case
 * arrives there without an assignee.
 *
 * @param toDepartmentActive whether the city's departments list {@code toDepartment} as active (a
 *     case forwarded to a department nobody works in would be lost)
 */
public record ForwardCase(
    @TargetAggregateIdentifier ServiceRequestId id,
    DepartmentCode toDepartment,
    String reason,
    DepartmentCode actorDepartment,
    Instant at,
    boolean toDepartmentActive) {

  public ForwardCase {
    if (id == null || toDepartment == null || actorDepartment == null || at == null) {
      throw new IllegalArgumentException("id, toDepartment, actorDepartment and at are required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A forwarding needs a reason");
    }
  }

  /** Without the reason: it may speak of the applicant. */
  @Override
  public String toString() {
    return "ForwardCase[id=%s, toDepartment=%s, actorDepartment=%s, at=%s]"
        .formatted(id, toDepartment, actorDepartment, at);
  }
}
