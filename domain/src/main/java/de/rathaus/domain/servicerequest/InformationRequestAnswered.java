package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The applicant answered; the case is in progress again and its due date moved to {@code
 * newDueDate}, later by exactly the time spent waiting. The text is personal data of {@code
 * applicant} and not shown by {@link #toString()}.
 */
@Revision("1")
public record InformationRequestAnswered(
    ServiceRequestId id,
    InformationRequestId informationRequestId,
    @DataSubject CitizenId applicant,
    @PersonalData String text,
    Instant newDueDate,
    Instant at) {

  @Override
  public String toString() {
    return "InformationRequestAnswered[id=%s, informationRequestId=%s, newDueDate=%s, at=%s]"
        .formatted(id, informationRequestId, newDueDate, at);
  }
}
