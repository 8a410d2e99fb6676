package de.rathaus.domain.participation;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The city puts up an item for citizens to rate in a feedback consultation (a pilot project or a
 * product under test in a real-world lab). Its format and phase are those the consultation's read
 * model showed when it was sent.
 *
 * @param author the administrator's account, whose key protects the texts as any author's does
 * @param at when it was put up (now)
 */
public record PutUpFeedbackItem(
    @TargetAggregateIdentifier ProposalId id,
    ConsultationId consultation,
    ConsultationFormat format,
    ConsultationPhase phase,
    CitizenId author,
    ProposalContent content,
    Instant at) {

  public PutUpFeedbackItem {
    if (id == null
        || consultation == null
        || format == null
        || phase == null
        || author == null
        || content == null
        || at == null) {
      throw new IllegalArgumentException(
          "An item needs its id, consultation, author, content and time");
    }
  }

  @Override
  public String toString() {
    return "PutUpFeedbackItem[id=%s, consultation=%s, format=%s, phase=%s, at=%s]"
        .formatted(id, consultation, format, phase, at);
  }
}
