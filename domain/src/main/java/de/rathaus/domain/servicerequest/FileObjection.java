package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The applicant objects to the decision (legt Widerspruch ein) with reasons and, optionally,
 * documents filed with the case before. {@code period} is how long after the decision an objection
 * may be filed; {@code deadline} how long the office has to decide it. The reasons are personal
 * data and are not shown by {@link #toString()}.
 */
public record FileObjection(
    @TargetAggregateIdentifier ServiceRequestId id,
    CitizenId applicant,
    String reasons,
    List<AttachmentId> attachments,
    Period period,
    Period deadline,
    Instant at) {

  public FileObjection {
    if (id == null || applicant == null || period == null || deadline == null || at == null) {
      throw new IllegalArgumentException("id, applicant, period, deadline and at are required");
    }
    if (reasons == null || reasons.isBlank()) {
      throw new IllegalArgumentException("An objection needs its reasons");
    }
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  @Override
  public String toString() {
    return "FileObjection[id=%s, attachments=%s, at=%s]".formatted(id, attachments, at);
  }
}
