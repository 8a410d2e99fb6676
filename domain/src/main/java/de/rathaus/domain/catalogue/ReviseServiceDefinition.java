package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.ServiceCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator saves new content for a service: before the first publication it replaces the
 * draft; afterwards it becomes the draft of the next version, while citizens keep seeing the
 * published one.
 */
public record ReviseServiceDefinition(
    @TargetAggregateIdentifier ServiceCode code, ServiceDefinitionContent content) {

  public ReviseServiceDefinition {
    if (code == null || content == null) {
      throw new IllegalArgumentException("A service code and the content are required");
    }
  }
}
