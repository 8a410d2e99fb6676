package de.rathaus.domain.participation;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A citizen saves a new version of their proposal as a whole. The consultation's phase is the one
 * its read model showed when the edit was sent.
 *
 * @param editor who asks: only the author may edit
 * @param at when it was edited (now)
 */
public record EditProposal(
    @TargetAggregateIdentifier ProposalId id,
    CitizenId editor,
    ConsultationPhase phase,
    ProposalContent content,
    Instant at) {

  public EditProposal {
    if (id == null || editor == null || phase == null || content == null || at == null) {
      throw new IllegalArgumentException(
          "An edit needs the proposal, editor, phase, content, time");
    }
  }

  @Override
  public String toString() {
    return "EditProposal[id=%s, phase=%s, at=%s]".formatted(id, phase, at);
  }
}
