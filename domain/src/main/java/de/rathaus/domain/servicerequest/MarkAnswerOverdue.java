package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The engine's deadline watch flags an open question whose answer date has passed without an
 * answer, so that the clerk sees in the queue that the case waits in vain and can cancel the
 * question and decide.
 */
public record MarkAnswerOverdue(@TargetAggregateIdentifier ServiceRequestId id, Instant at) {

  public MarkAnswerOverdue {
    if (id == null || at == null) {
      throw new IllegalArgumentException("id and at are required");
    }
  }
}
