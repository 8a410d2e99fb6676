package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.ServiceCode;
import org.axonframework.serialization.Revision;

/** A new service was added to the catalogue as a draft, not yet visible to citizens. */
@Revision("1")
public record ServiceDefinitionDrafted(ServiceCode code, ServiceDefinitionContent content) {

  public ServiceDefinitionDrafted {
    if (code == null || content == null) {
      throw new IllegalArgumentException("A service code and the content are required");
    }
  }
}
