package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A clerk decides the case (erlässt den Bescheid): outcome, reasoning and legal basis. */
public record DecideCase(
    @TargetAggregateIdentifier ServiceRequestId id,
    Decision decision,
    DepartmentCode actorDepartment,
    Instant at) {

  public DecideCase {
    if (id == null || decision == null || actorDepartment == null || at == null) {
      throw new IllegalArgumentException("id, decision, actorDepartment and at are required");
    }
  }
}
