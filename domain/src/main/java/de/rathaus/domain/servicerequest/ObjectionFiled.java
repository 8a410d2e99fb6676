package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The applicant objected to the decision (Widerspruch); the case is an objection procedure now, due
 * by {@code dueDate}. The reasons are personal data of {@code applicant} and not shown by {@link
 * #toString()}; the documents named are ones the applicant filed with the case.
 */
@Revision("1")
public record ObjectionFiled(
    ServiceRequestId id,
    @DataSubject CitizenId applicant,
    @PersonalData String reasons,
    List<AttachmentId> attachments,
    Instant dueDate,
    Instant at) {

  public ObjectionFiled {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  @Override
  public String toString() {
    return "ObjectionFiled[id=%s, attachments=%s, dueDate=%s, at=%s]"
        .formatted(id, attachments, dueDate, at);
  }
}
