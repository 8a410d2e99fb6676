package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The engine's deadline watch flags a case whose due date has passed, so that it shows up in the
 * work queue as overdue instead of silently running late.
 */
public record MarkCaseOverdue(@TargetAggregateIdentifier ServiceRequestId id, Instant at) {

  public MarkCaseOverdue {
    if (id == null || at == null) {
      throw new IllegalArgumentException("id and at are required");
    }
  }
}
