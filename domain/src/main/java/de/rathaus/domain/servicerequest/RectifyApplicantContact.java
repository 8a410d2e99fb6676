package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The applicant corrects their contact details on an open request (Berichtigung, Art. 16 DSGVO):
 * the new details replace the old ones as a whole (a part left out is removed). Personal data, not
 * shown by {@link #toString()}.
 */
public record RectifyApplicantContact(
    @TargetAggregateIdentifier ServiceRequestId id,
    CitizenId applicant,
    ApplicantContact contact,
    Instant at) {

  public RectifyApplicantContact {
    if (id == null || applicant == null || contact == null || at == null) {
      throw new IllegalArgumentException("id, applicant, contact and at are required");
    }
  }

  @Override
  public String toString() {
    return "RectifyApplicantContact[id=%s, at=%s]".formatted(id, at);
  }
}
