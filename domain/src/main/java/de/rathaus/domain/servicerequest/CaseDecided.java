package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The office decided the case, with reasons and legal basis the applicant can read. Reasoning and
 * legal basis speak of the applicant and count as their personal data; the outcome does not.
 */
@Revision("2")
public record CaseDecided(
    ServiceRequestId id, @DataSubject CitizenId applicant, Decision decision, Instant at) {}
