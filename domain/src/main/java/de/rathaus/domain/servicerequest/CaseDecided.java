package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The office decided the case, with reasons and legal basis the applicant can read. */
@Revision("1")
public record CaseDecided(ServiceRequestId id, Decision decision, Instant at) {}
