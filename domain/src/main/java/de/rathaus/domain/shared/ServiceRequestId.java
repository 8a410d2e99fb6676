package de.rathaus.domain.shared;

import java.util.UUID;

/** The technical id of a service request (Antrag / Vorgang): a random UUID, leaking nothing. */
public record ServiceRequestId(String value) {

  public ServiceRequestId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A service request id is required");
    }
  }

  public static ServiceRequestId random() {
    return new ServiceRequestId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
