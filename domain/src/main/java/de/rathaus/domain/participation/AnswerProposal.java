package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator gives (or updates) the city's official answer to a proposal.
 *
 * @param reasoning why, in the city's words (German, and English where the city translated it):
 *     public, and not personal data (the city does not name people in its answers)
 * @param at when it is answered (now)
 */
public record AnswerProposal(
    @TargetAggregateIdentifier ProposalId id,
    AnswerStatus status,
    AnswerReasoning reasoning,
    Instant at) {

  public AnswerProposal {
    if (id == null || status == null || reasoning == null || at == null) {
      throw new IllegalArgumentException(
          "An answer needs the proposal, its status, a reasoning and the time");
    }
  }

  /** An answer whose reasons are in German alone. */
  public AnswerProposal(ProposalId id, AnswerStatus status, String reasoning, Instant at) {
    this(id, status, germanOrNull(reasoning), at);
  }

  private static AnswerReasoning germanOrNull(String reasoning) {
    return reasoning == null || reasoning.isBlank() ? null : AnswerReasoning.inGerman(reasoning);
  }
}
