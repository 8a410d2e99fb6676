package de.rathaus.domain.participation;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A citizen proposes something in a consultation. The consultation's format and phase are those its
 * read model showed when the proposal was sent (the proposal does not load the consultation).
 *
 * @param at when it was submitted (now)
 * @param supportThreshold the consultation's support threshold, or {@code null}
 * @param answerDeadlineDays the consultation's answer deadline in days, or {@code null}
 */
public record SubmitProposal(
    @TargetAggregateIdentifier ProposalId id,
    ConsultationId consultation,
    ConsultationFormat format,
    ConsultationPhase phase,
    CitizenId author,
    ProposalContent content,
    Instant at,
    Integer supportThreshold,
    Integer answerDeadlineDays) {

  /** A submission to a consultation without a support threshold. */
  public SubmitProposal(
      ProposalId id,
      ConsultationId consultation,
      ConsultationFormat format,
      ConsultationPhase phase,
      CitizenId author,
      ProposalContent content,
      Instant at) {
    this(id, consultation, format, phase, author, content, at, null, null);
  }

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
