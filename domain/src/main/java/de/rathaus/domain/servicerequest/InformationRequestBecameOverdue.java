package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The applicant has not answered the open question by its answer date. The case keeps waiting (its
 * own deadline stays paused); the flag tells the clerk that it waits in vain.
 */
@Revision("1")
public record InformationRequestBecameOverdue(
    ServiceRequestId id,
    InformationRequestId informationRequestId,
    Instant answerDueDate,
    Instant at) {}
