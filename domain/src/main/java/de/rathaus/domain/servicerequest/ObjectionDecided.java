package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The office decided the objection; the case is decided again and can be closed. The reasoning is
 * personal data of {@code applicant} and not shown by {@link #toString()}.
 */
@Revision("1")
public record ObjectionDecided(
    ServiceRequestId id,
    @DataSubject CitizenId applicant,
    ObjectionOutcome outcome,
    @PersonalData String reasoning,
    Instant at) {

  @Override
  public String toString() {
    return "ObjectionDecided[id=%s, outcome=%s, at=%s]".formatted(id, outcome, at);
  }
}
