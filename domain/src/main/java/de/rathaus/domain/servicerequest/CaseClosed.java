package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The decided case was filed away; nothing more happens on it. */
@Revision("1")
public record CaseClosed(ServiceRequestId id, Instant at) {}
