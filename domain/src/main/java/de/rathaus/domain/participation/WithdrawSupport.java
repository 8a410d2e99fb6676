package de.rathaus.domain.participation;

import de.rathaus.domain.shared.Pseudonymous;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A citizen withdraws their support of a proposal, known only by its pseudonymous id. The
 * consultation's format and phase are those its read model showed when the withdrawal was sent.
 *
 * @param at when it was sent (now)
 */
@Pseudonymous
public record WithdrawSupport(
    @TargetAggregateIdentifier SupportId id,
    ProposalId proposal,
    ConsultationFormat format,
    ConsultationPhase phase,
    Instant at) {

  public WithdrawSupport {
    if (id == null || proposal == null || format == null || phase == null || at == null) {
      throw new IllegalArgumentException(
          "A withdrawal needs its id, proposal, consultation format and phase, and time");
    }
  }
}
