package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.ServiceCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator takes a service off the catalogue for good, saying why (for example "replaced by
 * the federal online service"). Requests already submitted are still processed.
 */
public record RetireServiceDefinition(@TargetAggregateIdentifier ServiceCode code, String reason) {

  public RetireServiceDefinition {
    if (code == null) {
      throw new IllegalArgumentException("A service code is required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Retiring a service needs a reason");
    }
  }
}
