package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.ServiceCode;
import org.axonframework.serialization.Revision;

/**
 * A service was taken off the catalogue for good; no new requests can be submitted for it.
 *
 * @param version the last published version, or 0 for a service that was never published
 * @param reason why the administrator retired it
 */
@Revision("1")
public record ServiceDefinitionRetired(ServiceCode code, int version, String reason) {

  public ServiceDefinitionRetired {
    if (code == null) {
      throw new IllegalArgumentException("A service code is required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Retiring a service needs a reason");
    }
  }
}
