package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A moderator (or an administrator) hides a proposal or one of its comments from the public, or
 * restores it, with a public reason.
 *
 * @param comment the comment moderated, or {@code null} for the proposal itself
 * @param reason why, public in the moderation log and on the hidden proposal
 * @param role in which role it was done (public); who did it is in the metadata only
 * @param at when (now)
 */
public record ModerateProposal(
    @TargetAggregateIdentifier ProposalId id,
    CommentId comment,
    ModerationAction action,
    String reason,
    ModeratorRole role,
    Instant at) {

  public ModerateProposal {
    if (id == null || action == null || role == null || at == null) {
      throw new IllegalArgumentException("A moderation needs the proposal, action, role and time");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A moderation gives its reason");
    }
  }
}
