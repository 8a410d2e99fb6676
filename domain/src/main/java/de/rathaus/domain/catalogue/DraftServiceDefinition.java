package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.ServiceCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator adds a new service to the catalogue under a code not used before. It starts as a
 * draft that citizens do not see until it is published.
 */
public record DraftServiceDefinition(
    @TargetAggregateIdentifier ServiceCode code, ServiceDefinitionContent content) {

  public DraftServiceDefinition {
    if (code == null || content == null) {
      throw new IllegalArgumentException("A service code and the content are required");
    }
  }
}
