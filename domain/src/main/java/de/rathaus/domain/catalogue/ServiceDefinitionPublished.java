package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.ServiceCode;
import org.axonframework.serialization.Revision;

/**
 * A version of a service went live: citizens see this content in the catalogue and new requests are
 * checked against it and record its version.
 *
 * @param version counts the publications of the service, starting at 1
 * @param content exactly what was published, so that every version can be read back
 */
@Revision("1")
public record ServiceDefinitionPublished(
    ServiceCode code, int version, ServiceDefinitionContent content) {

  public ServiceDefinitionPublished {
    if (code == null || content == null) {
      throw new IllegalArgumentException("A service code and the content are required");
    }
  }
}
