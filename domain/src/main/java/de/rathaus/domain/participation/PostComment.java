package de.rathaus.domain.participation;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A citizen comments on a proposal, or replies to one of its comments. The consultation's format
 * and phase are those its read model showed when the comment was sent.
 *
 * @param comment the new comment's id
 * @param parent the top-level comment replied to, or {@code null} for a comment of its own
 * @param at when it was written (now)
 */
public record PostComment(
    @TargetAggregateIdentifier ProposalId id,
    CommentId comment,
    CommentId parent,
    CitizenId author,
    ConsultationFormat format,
    ConsultationPhase phase,
    CommentContent content,
    Instant at) {

  public PostComment {
    if (id == null
        || comment == null
        || author == null
        || format == null
        || phase == null
        || content == null
        || at == null) {
      throw new IllegalArgumentException(
          "A comment needs the proposal, its id, author, consultation's format and phase, content"
              + " and time");
    }
  }

  @Override
  public String toString() {
    return "PostComment[id=%s, comment=%s, parent=%s, format=%s, phase=%s, at=%s]"
        .formatted(id, comment, parent, format, phase, at);
  }
}
