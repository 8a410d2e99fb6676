package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The case passed its due date while still open and not waiting for the applicant. It stays overdue
 * until it is decided or withdrawn: pausing keeps the time left, so a late case never becomes
 * timely again.
 */
@Revision("1")
public record CaseBecameOverdue(ServiceRequestId id, Instant dueDate, Instant at) {}
