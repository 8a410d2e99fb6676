package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The office stopped waiting for an answer through the portal, for the reason given; the case is in
 * progress again and its due date moved to {@code newDueDate}, later by the time spent waiting.
 */
@Revision("1")
public record InformationRequestCancelled(
    ServiceRequestId id,
    InformationRequestId informationRequestId,
    String reason,
    Instant newDueDate,
    Instant at) {}
