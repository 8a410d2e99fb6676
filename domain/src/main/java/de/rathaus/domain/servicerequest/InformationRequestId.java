package de.rathaus.domain.servicerequest;

import java.util.UUID;

/** Identifies one question the office put to the applicant (Nachforderung) within a case. */
public record InformationRequestId(String value) {

  public InformationRequestId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("An information request id is required");
    }
  }

  public static InformationRequestId random() {
    return new InformationRequestId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
