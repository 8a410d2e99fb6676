package de.rathaus.domain.participation;

/**
 * A citizen asked a proposal for something its rules do not allow. Nothing was recorded; the code
 * says which rule.
 */
public class ProposalRuleViolation extends RuntimeException {

  /** Which rule was violated. */
  public enum Code {
    /** Only an {@code IDEAS} consultation takes proposals. */
    NOT_AN_IDEAS_CONSULTATION,
    /** Proposals are submitted only while the consultation is open. */
    CONSULTATION_NOT_OPEN,
    /** Proposals are edited only while the consultation is open: edits end when voting starts. */
    EDITS_ENDED,
    /** Only its author edits a proposal (answered as if it did not exist). */
    NOT_THE_AUTHOR,
    // --- comments and moderation
    /**
     * Comments are taken while an ideas consultation is open or in voting, and while a feedback
     * consultation is open.
     */
    COMMENTS_CLOSED,
    /** A hidden proposal takes no comments. */
    PROPOSAL_HIDDEN,
    /** A reply names a comment of the same proposal. */
    UNKNOWN_PARENT,
    /** Replies go one level deep: a reply is not replied to. */
    REPLY_TO_REPLY,
    /** A hidden comment is not replied to. */
    COMMENT_HIDDEN,
    /** A moderation names a comment of the same proposal (or none, for the proposal). */
    UNKNOWN_COMMENT,
    /** What is hidden is not hidden again. */
    ALREADY_HIDDEN,
    /** Only what is hidden is restored. */
    NOT_HIDDEN,
    // supports helper: supports, feedback items and ratings
    /** Supports are given and withdrawn only while an ideas consultation is open or voting. */
    SUPPORTS_CLOSED,
    /** Only a {@code FEEDBACK} consultation takes items (put up by the city) and ratings. */
    NOT_A_FEEDBACK_CONSULTATION,
    /** Items are put up only while the feedback consultation is a draft or open. */
    ITEMS_CLOSED,
    /** Items are rated, and ratings changed, only while the feedback consultation is open. */
    RATINGS_CLOSED
  }

  private final transient ProposalId proposal;
  private final Code code;

  public ProposalRuleViolation(ProposalId proposal, Code code, String message) {
    super(message);
    this.proposal = proposal;
    this.code = code;
  }

  public ProposalId proposal() {
    return proposal;
  }

  public Code code() {
    return code;
  }
}
