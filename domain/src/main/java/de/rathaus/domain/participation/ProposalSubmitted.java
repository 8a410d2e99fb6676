package de.rathaus.domain.participation;

import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A citizen proposed something in an open ideas consultation. It appears under the name they chose
 * ({@code displayName}), never under their account.
 *
 * <p>Personal data (encrypted under the author's key, read as erased after their erasure): the
 * display name, the title, the text and the location's address. The coordinates of the location are
 * not personal. None of it is in {@link #toString()}.
 *
 * @param location where it is about, or {@code null}
 */
@Revision("1")
public record ProposalSubmitted(
    ProposalId id,
    ConsultationId consultation,
    @DataSubject CitizenId author,
    @PersonalData String displayName,
    @PersonalData String title,
    @PersonalData String text,
    Location location,
    Instant at) {

  ProposalContent content() {
    return new ProposalContent(displayName, title, text, location);
  }

  @Override
  public String toString() {
    return "ProposalSubmitted[id=%s, consultation=%s, at=%s]".formatted(id, consultation, at);
  }
}
