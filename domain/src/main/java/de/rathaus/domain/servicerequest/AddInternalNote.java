package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A clerk files a note on the case (Aktenvermerk) that the applicant never sees. */
public record AddInternalNote(
    @TargetAggregateIdentifier ServiceRequestId id,
    String text,
    ClerkId author,
    DepartmentCode actorDepartment,
    Instant at) {

  public AddInternalNote {
    if (id == null || author == null || actorDepartment == null || at == null) {
      throw new IllegalArgumentException("id, author, actorDepartment and at are required");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A note needs a text");
    }
  }

  /** Without the text: a note may speak of the applicant. */
  @Override
  public String toString() {
    return "AddInternalNote[id=%s, author=%s, actorDepartment=%s, at=%s]"
        .formatted(id, author, actorDepartment, at);
  }
}
