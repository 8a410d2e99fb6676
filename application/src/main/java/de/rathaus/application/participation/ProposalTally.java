package de.rathaus.application.participation;

/**
 * What a proposal's supports and ratings add up to, in its read model: counts only, never who.
 * Supports and ratings are events of their own histories (one per citizen), not of the proposal's,
 * so the proposal's sequence number cannot tell whether one was applied already: {@code position}
 * is the global position of the last of them applied (they reach the proposals' read model in order
 * per proposal), and one at or below it is a redelivery.
 *
 * @param supports the number of standing supports
 * @param ratings the ratings of a feedback item, or {@code null} for a citizen's proposal
 * @param position the global position of the last support or rating event applied, -1 for none
 */
public record ProposalTally(long supports, RatingSummary ratings, long position) {

  /** A citizen's proposal before its first support. */
  public static final ProposalTally PROPOSAL = new ProposalTally(0, null, -1);

  /** A feedback item before its first rating. */
  public static final ProposalTally ITEM = new ProposalTally(0, RatingSummary.NONE, -1);

  /** Whether the event at {@code position} was applied already. */
  boolean applied(long position) {
    return position <= this.position;
  }

  ProposalTally supported(long position) {
    return new ProposalTally(supports + 1, ratings, position);
  }

  ProposalTally withdrawn(long position) {
    return new ProposalTally(supports - 1, ratings, position);
  }

  ProposalTally rated(int stars, long position) {
    return new ProposalTally(supports, summary().rated(stars), position);
  }

  ProposalTally changed(int previousStars, int stars, long position) {
    return new ProposalTally(supports, summary().changed(previousStars, stars), position);
  }

  private RatingSummary summary() {
    return ratings == null ? RatingSummary.NONE : ratings;
  }
}
