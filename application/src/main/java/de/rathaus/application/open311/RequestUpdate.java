package de.rathaus.application.open311;

import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.CaseNumber;
import java.time.Instant;

/**
 * A change of a request's public status, as the updates feed shows it: nothing of the applicant, of
 * the clerks' notes or of a decision's reasoning, only which case, what status and when.
 *
 * @param updateId the global position of the event that changed the status
 * @param caseNumber the case's number (Aktenzeichen), Open311's {@code service_request_id}
 * @param status the public status after the event
 * @param at when the event was recorded
 */
public record RequestUpdate(
    long updateId, CaseNumber caseNumber, RequestStatus status, Instant at) {}
