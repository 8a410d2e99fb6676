package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The office stopped waiting for an answer through the portal, for the reason given; the case is in
 * progress again and its due date moved to {@code newDueDate}, later by the time spent waiting. The
 * reason is a clerk's free text about the applicant's case and counts as their personal data.
 */
@Revision("2")
public record InformationRequestCancelled(
    ServiceRequestId id,
    @DataSubject CitizenId applicant,
    InformationRequestId informationRequestId,
    @PersonalData String reason,
    Instant newDueDate,
    Instant at) {

  @Override
  public String toString() {
    return "InformationRequestCancelled[id=%s, informationRequestId=%s, newDueDate=%s, at=%s]"
        .formatted(id, informationRequestId, newDueDate, at);
  }
}
