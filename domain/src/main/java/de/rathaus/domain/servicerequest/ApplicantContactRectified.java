package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The applicant corrected their contact details (Art. 16 DSGVO); these replace the ones given
 * before, which the history keeps (under the same subject key, so erasure makes both unreadable).
 * Every part is personal data of {@code applicant}, optional, and not shown by {@link #toString()}.
 */
@Revision("1")
public record ApplicantContactRectified(
    ServiceRequestId id,
    @DataSubject CitizenId applicant,
    @PersonalData String name,
    @PersonalData String email,
    @PersonalData String phone,
    @PersonalData String address,
    Instant at) {

  @Override
  public String toString() {
    return "ApplicantContactRectified[id=%s, at=%s]".formatted(id, at);
  }
}
