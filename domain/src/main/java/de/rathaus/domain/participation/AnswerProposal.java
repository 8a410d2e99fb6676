package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator gives (or updates) the city's official answer to a proposal.
 *
 * @param reasoning why, in the city's words: public, and not personal data (the city does not name
 *     people in its answers)
 * @param at when it is answered (now)
 */
public record AnswerProposal(
    @TargetAggregateIdentifier ProposalId id, AnswerStatus status, String reasoning, Instant at) {

  public AnswerProposal {
    if (id == null || status == null || reasoning == null || reasoning.isBlank() || at == null) {
      throw new IllegalArgumentException(
          "An answer needs the proposal, its status, a reasoning and the time");
    }
  }
}
