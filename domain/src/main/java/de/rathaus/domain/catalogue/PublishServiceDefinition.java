package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.ServiceCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator makes the current draft of a service the next published version: citizens see it
 * in the catalogue and new requests are submitted against it.
 */
public record PublishServiceDefinition(@TargetAggregateIdentifier ServiceCode code) {

  public PublishServiceDefinition {
    if (code == null) {
      throw new IllegalArgumentException("A service code is required");
    }
  }
}
