package de.rathaus.domain.participation;

import de.rathaus.domain.shared.Pseudonymous;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A citizen supports a proposal, known only by the pseudonymous id of their support. The
 * consultation's format and phase are those its read model showed when the support was sent.
 *
 * @param at when it was sent (now)
 */
@Pseudonymous
public record SupportProposal(
    @TargetAggregateIdentifier SupportId id,
    ProposalId proposal,
    ConsultationFormat format,
    ConsultationPhase phase,
    Instant at) {

  public SupportProposal {
    if (id == null || proposal == null || format == null || phase == null || at == null) {
      throw new IllegalArgumentException(
          "A support needs its id, proposal, consultation format and phase, and time");
    }
  }
}
