package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A clerk took the case, or it was handed to a colleague; a new case is now in progress. */
@Revision("1")
public record CaseAssigned(ServiceRequestId id, ClerkId assignee, Instant at) {}
