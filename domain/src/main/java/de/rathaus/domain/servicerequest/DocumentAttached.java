package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A document was filed with the case: by the applicant or by the office ({@link
 * AttachmentPurpose#byApplicant()}), with its detected media type, size and SHA-256, so that the
 * case's history (and a receipt for it) proves which file was filed. {@code informationRequestId}
 * names the question an answer's or a question's document belongs to, else it is {@code null}.
 *
 * <p>The file's {@code name} is personal data of {@code applicant} (a name says what a document is
 * about: "Schwerbehindertenausweis Anna Schäfer.pdf"); it is not in {@link #toString()}. The
 * document's bytes are not in the event: they are stored encrypted under the applicant's key.
 */
@Revision("1")
public record DocumentAttached(
    ServiceRequestId id,
    @DataSubject CitizenId applicant,
    AttachmentRef document,
    @PersonalData String name,
    AttachmentPurpose purpose,
    InformationRequestId informationRequestId,
    Instant at) {

  @Override
  public String toString() {
    return "DocumentAttached[id=%s, document=%s, purpose=%s, informationRequestId=%s, at=%s]"
        .formatted(id, document, purpose, informationRequestId, at);
  }
}
