package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A clerk of the handling department takes a case, or hands it to a colleague of the same
 * department.
 *
 * @param assigneeDepartment the department the staff directory knows the assignee as a clerk of
 *     ({@code null}: the directory knows them as no clerk)
 */
public record AssignCase(
    @TargetAggregateIdentifier ServiceRequestId id,
    ClerkId assignee,
    DepartmentCode assigneeDepartment,
    DepartmentCode actorDepartment,
    Instant at) {

  public AssignCase {
    if (id == null || assignee == null || actorDepartment == null || at == null) {
      throw new IllegalArgumentException("id, assignee, actorDepartment and at are required");
    }
  }
}
