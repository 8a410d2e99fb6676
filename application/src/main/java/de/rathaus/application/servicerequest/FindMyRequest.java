package de.rathaus.application.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;

/** One request, answered only if it belongs to the asking applicant. */
public record FindMyRequest(ServiceRequestId id, CitizenId applicant) {}
