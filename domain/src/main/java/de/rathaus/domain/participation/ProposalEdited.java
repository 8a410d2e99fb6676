package de.rathaus.domain.participation;

import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The author saved a new version of their proposal while its consultation was open; the public sees
 * that, and when, it was edited. The event carries the whole new version.
 *
 * <p>Personal data as in {@link ProposalSubmitted}; none of it is in {@link #toString()}.
 */
@Revision("1")
public record ProposalEdited(
    ProposalId id,
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
    return "ProposalEdited[id=%s, at=%s]".formatted(id, at);
  }
}
