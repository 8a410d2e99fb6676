package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The office asked the applicant a question, to be answered by {@code answerDueDate}; the case now
 * waits for the applicant and its deadline clock is paused from {@code at}.
 */
@Revision("1")
public record InformationRequested(
    ServiceRequestId id,
    InformationRequestId informationRequestId,
    String question,
    Instant answerDueDate,
    Instant at) {}
