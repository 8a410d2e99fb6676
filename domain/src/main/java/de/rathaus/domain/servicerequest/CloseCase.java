package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A clerk files a decided case away (schließt den Vorgang ab). */
public record CloseCase(
    @TargetAggregateIdentifier ServiceRequestId id, DepartmentCode actorDepartment, Instant at) {

  public CloseCase {
    if (id == null || actorDepartment == null || at == null) {
      throw new IllegalArgumentException("id, actorDepartment and at are required");
    }
  }
}
