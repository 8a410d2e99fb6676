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
 * <p>Revision 2 added the city's accountability as the consultation set it when the proposal was
 * submitted (a consultation's threshold and deadline cannot change once it is open): a stored
 * revision 1 reads with neither, which is what the consultations of that time had.
 *
 * @param location where it is about, or {@code null}
 * @param supportThreshold the supports after which the city must answer it, or {@code null}
 * @param answerDeadlineDays the days the city has to answer once the threshold is reached, or
 *     {@code null}
 */
@Revision("2")
public record ProposalSubmitted(
    ProposalId id,
    ConsultationId consultation,
    @DataSubject CitizenId author,
    @PersonalData String displayName,
    @PersonalData String title,
    @PersonalData String text,
    Location location,
    Instant at,
    Integer supportThreshold,
    Integer answerDeadlineDays) {

  /** A proposal in a consultation without a support threshold. */
  public ProposalSubmitted(
      ProposalId id,
      ConsultationId consultation,
      CitizenId author,
      String displayName,
      String title,
      String text,
      Location location,
      Instant at) {
    this(id, consultation, author, displayName, title, text, location, at, null, null);
  }

  ProposalContent content() {
    return new ProposalContent(displayName, title, text, location);
  }

  @Override
  public String toString() {
    return "ProposalSubmitted[id=%s, consultation=%s, at=%s]".formatted(id, consultation, at);
  }
}
