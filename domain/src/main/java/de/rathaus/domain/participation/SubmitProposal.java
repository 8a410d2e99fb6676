package de.rathaus.domain.participation;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A citizen proposes something in a consultation. The consultation's format and phase are those its
 * read model showed when the proposal was sent (the proposal does not load the consultation).
 *
 * @param at when it was submitted (now)
 */
public record SubmitProposal(
    @TargetAggregateIdentifier ProposalId id,
    ConsultationId consultation,
    ConsultationFormat format,
    ConsultationPhase phase,
    CitizenId author,
    ProposalContent content,
    Instant at) {

  public SubmitProposal {
    if (id == null
        || consultation == null
        || format == null
        || phase == null
        || author == null
        || content == null
        || at == null) {
      throw new IllegalArgumentException(
          "A proposal needs its id, consultation, author, content and time");
    }
  }

  @Override
  public String toString() {
    return "SubmitProposal[id=%s, consultation=%s, format=%s, phase=%s, at=%s]"
        .formatted(id, consultation, format, phase, at);
  }
}
