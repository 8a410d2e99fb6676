package de.rathaus.domain.participation;

import de.rathaus.domain.participation.ProposalRuleViolation.Code;
import java.util.HashMap;
import java.util.Map;

/**
 * What a proposal knows of its comments for its rules: per comment only the one it replies to and
 * whether it is hidden (the texts live in the events and the read model), so the state stays small
 * however long the discussion.
 */
final class ProposalComments {

  /** One comment: the top-level comment it replies to ({@code null} if none), hidden or not. */
  private record Posted(CommentId parent, boolean hidden) {}

  private final Map<CommentId, Posted> comments = new HashMap<>();

  /**
   * Whether comments are taken in this phase: in an ideas consultation while open and in voting, in
   * a feedback consultation while open.
   */
  static boolean open(ConsultationFormat format, ConsultationPhase phase) {
    return phase == ConsultationPhase.OPEN
        || (format == ConsultationFormat.IDEAS && phase == ConsultationPhase.VOTING);
  }

  /** Checks that {@code parent} may be replied to: a known, visible top-level comment. */
  void requireRepliable(ProposalId proposal, CommentId parent) {
    Posted posted = comments.get(parent);
    if (posted == null) {
      throw new ProposalRuleViolation(
          proposal, Code.UNKNOWN_PARENT, "A reply names a comment of this proposal");
    }
    if (posted.parent() != null) {
      throw new ProposalRuleViolation(
          proposal, Code.REPLY_TO_REPLY, "Replies go one level deep: a reply is not replied to");
    }
    if (posted.hidden()) {
      throw new ProposalRuleViolation(
          proposal, Code.COMMENT_HIDDEN, "A hidden comment is not replied to");
    }
  }

  /** Checks that the comment is known and that {@code action} changes it. */
  void requireModeratable(ProposalId proposal, CommentId comment, ModerationAction action) {
    Posted posted = comments.get(comment);
    if (posted == null) {
      throw new ProposalRuleViolation(
          proposal, Code.UNKNOWN_COMMENT, "A moderation names a comment of this proposal");
    }
    requireChange(proposal, posted.hidden(), action);
  }

  /** Hiding what is hidden, or restoring what is visible, is refused (it would record nothing). */
  static void requireChange(ProposalId proposal, boolean hidden, ModerationAction action) {
    if (hidden && action == ModerationAction.HIDE) {
      throw new ProposalRuleViolation(proposal, Code.ALREADY_HIDDEN, "It is hidden already");
    }
    if (!hidden && action == ModerationAction.RESTORE) {
      throw new ProposalRuleViolation(proposal, Code.NOT_HIDDEN, "Only what is hidden is restored");
    }
  }

  void posted(CommentPosted event) {
    comments.put(event.comment(), new Posted(event.parent(), false));
  }

  void hidden(CommentId comment, boolean hidden) {
    comments.computeIfPresent(comment, (id, posted) -> new Posted(posted.parent(), hidden));
  }
}
