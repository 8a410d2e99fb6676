package de.rathaus.application.servicerequest;

import de.rathaus.application.shared.Page;
import de.rathaus.domain.shared.CitizenId;

/** A page of the asking applicant's requests, newest first. */
public record ListMyRequests(CitizenId applicant, String after, int size) {

  public ListMyRequests {
    if (applicant == null) {
      throw new IllegalArgumentException("An applicant is required");
    }
    Page.requireSize(size);
  }
}
