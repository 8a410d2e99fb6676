package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A clerk filed a note on the case; it is for the office only, never shown to the applicant. Notes
 * are about the applicant's case and count as their personal data.
 */
@Revision("1")
public record InternalNoteAdded(
    ServiceRequestId id,
    @DataSubject CitizenId applicant,
    ClerkId author,
    @PersonalData String text,
    Instant at) {

  @Override
  public String toString() {
    return "InternalNoteAdded[id=%s, author=%s, at=%s]".formatted(id, author, at);
  }
}
