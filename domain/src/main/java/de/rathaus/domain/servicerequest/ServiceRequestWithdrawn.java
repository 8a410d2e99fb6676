package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The applicant took the request back before a decision; the office stops working on it. The
 * optional reason is personal data of {@code applicant} and not shown by {@link #toString()}.
 */
@Revision("1")
public record ServiceRequestWithdrawn(
    ServiceRequestId id,
    @DataSubject CitizenId applicant,
    @PersonalData String reason,
    Instant at) {

  @Override
  public String toString() {
    return "ServiceRequestWithdrawn[id=%s, at=%s]".formatted(id, at);
  }
}
