package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A clerk of the handling department takes a case, or hands it to a colleague of the same
 * department.
 */
public record AssignCase(
    @TargetAggregateIdentifier ServiceRequestId id,
    ClerkId assignee,
    DepartmentCode actorDepartment,
    Instant at) {

  public AssignCase {
    if (id == null || assignee == null || actorDepartment == null || at == null) {
      throw new IllegalArgumentException("id, assignee, actorDepartment and at are required");
    }
  }
}
