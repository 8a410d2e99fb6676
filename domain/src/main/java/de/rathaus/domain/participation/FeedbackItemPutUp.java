package de.rathaus.domain.participation;

import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The city put up an item of a feedback consultation for citizens to rate. It is read as a proposal
 * is (same id form, same read model), under the name the administrator chose for it.
 *
 * <p>The texts are marked personal data as a proposal's are, under the key of the administrator's
 * account (every personal value needs a subject); none of it is in {@link #toString()}.
 *
 * @param location where it is (a real-world lab's place), or {@code null}
 */
@Revision("1")
public record FeedbackItemPutUp(
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
    return "FeedbackItemPutUp[id=%s, consultation=%s, at=%s]".formatted(id, consultation, at);
  }
}
