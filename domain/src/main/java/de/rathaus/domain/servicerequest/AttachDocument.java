package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attaches a document whose bytes are already stored to the case. The applicant ({@code citizen})
 * attaches supporting documents and answers; a clerk ({@code actorDepartment}) attaches to the open
 * question and the decision letter: exactly the one the {@code purpose} needs is given. The file's
 * name is personal data and not shown by {@link #toString()}.
 */
public record AttachDocument(
    @TargetAggregateIdentifier ServiceRequestId id,
    AttachmentRef document,
    String name,
    AttachmentPurpose purpose,
    CitizenId citizen,
    DepartmentCode actorDepartment,
    AttachmentLimits limits,
    Instant at) {

  public AttachDocument {
    if (id == null || document == null || purpose == null || limits == null || at == null) {
      throw new IllegalArgumentException("id, document, purpose, limits and at are required");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A document needs a file name");
    }
    if (purpose.byApplicant() ? citizen == null : actorDepartment == null) {
      throw new IllegalArgumentException(
          purpose.byApplicant()
              ? "The applicant's document needs the citizen who attaches it"
              : "The office's document needs the department of the clerk who attaches it");
    }
  }

  @Override
  public String toString() {
    return "AttachDocument[id=%s, attachment=%s, purpose=%s, at=%s]"
        .formatted(id, document.id(), purpose, at);
  }
}
