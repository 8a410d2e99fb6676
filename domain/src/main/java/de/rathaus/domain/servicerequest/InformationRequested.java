package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The office asked the applicant a question, to be answered by {@code answerDueDate}; the case now
 * waits for the applicant and its deadline clock is paused from {@code at}. The question is about
 * the applicant's case and counts as their personal data.
 */
@Revision("1")
public record InformationRequested(
    ServiceRequestId id,
    @DataSubject CitizenId applicant,
    InformationRequestId informationRequestId,
    @PersonalData String question,
    Instant answerDueDate,
    Instant at) {

  @Override
  public String toString() {
    return "InformationRequested[id=%s, informationRequestId=%s, answerDueDate=%s, at=%s]"
        .formatted(id, informationRequestId, answerDueDate, at);
  }
}
