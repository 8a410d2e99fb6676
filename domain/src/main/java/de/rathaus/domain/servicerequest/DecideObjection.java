package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A clerk of the handling department decides the pending objection (Widerspruchsbescheid or
 * Abhilfe) with reasons. The reasoning is personal data and is not shown by {@link #toString()}.
 */
public record DecideObjection(
    @TargetAggregateIdentifier ServiceRequestId id,
    ObjectionOutcome outcome,
    String reasoning,
    DepartmentCode actorDepartment,
    Instant at) {

  public DecideObjection {
    if (id == null || outcome == null || actorDepartment == null || at == null) {
      throw new IllegalArgumentException("id, outcome, actorDepartment and at are required");
    }
    if (reasoning == null || reasoning.isBlank()) {
      throw new IllegalArgumentException("A decision on an objection needs its reasoning");
    }
  }

  @Override
  public String toString() {
    return "DecideObjection[id=%s, outcome=%s, at=%s]".formatted(id, outcome, at);
  }
}
