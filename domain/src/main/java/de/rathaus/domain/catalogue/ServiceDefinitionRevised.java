package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.ServiceCode;
import org.axonframework.serialization.Revision;

/**
 * New content was saved for a service. It is a draft: citizens keep seeing the last published
 * version (if any) until the service is published again.
 */
@Revision("1")
public record ServiceDefinitionRevised(ServiceCode code, ServiceDefinitionContent content) {

  public ServiceDefinitionRevised {
    if (code == null || content == null) {
      throw new IllegalArgumentException("A service code and the content are required");
    }
  }
}
