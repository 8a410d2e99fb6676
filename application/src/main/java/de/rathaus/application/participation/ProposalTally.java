package de.rathaus.application.participation;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a proposal's supports and ratings add up to, in its read model: counts only, never who.
 *
 * <p>Supports and ratings are events of their own histories (one per citizen), not of the
 * proposal's, so the proposal's sequence number cannot tell whether one was applied already. The
 * tally keeps where in the event stream the last of them was applied instead: the tracking token of
 * that event ({@code index}, the highest global position seen, and {@code gaps}, the positions
 * below it not seen yet, as a gap-aware token has them). Events reach this read model in order per
 * proposal ({@link ProposalSequencing}), so an event whose token the stored one covers was applied
 * (a redelivery); one that arrives later than a higher position (a commit that took longer) fills a
 * gap and is not covered. {@code applied} counts the events applied: the tally's writes are
 * conditional on it.
 *
 * @param supports the number of standing supports
 * @param ratings the ratings of a feedback item, or {@code null} for a citizen's proposal
 * @param applied how many support and rating events were applied
 * @param index the highest global position seen when the last of them was applied, -1 for none
 * @param gaps the positions below {@code index} not seen then
 */
public record ProposalTally(
    long supports, RatingSummary ratings, long applied, long index, List<Long> gaps) {

  /** A citizen's proposal before its first support. */
  public static final ProposalTally PROPOSAL = new ProposalTally(0, null, 0, -1, List.of());

  /** A feedback item before its first rating. */
  public static final ProposalTally ITEM =
      new ProposalTally(0, RatingSummary.NONE, 0, -1, List.of());

  public ProposalTally {
    gaps = gaps == null ? List.of() : List.copyOf(gaps);
  }

  /**
   * Where an event stands in the stream: its tracking token's highest position and the gaps below.
   */
  public record Mark(long index, SortedSet<Long> gaps) {

    public Mark {
      gaps = new TreeSet<>(gaps);
    }
  }

  /**
   * Whether the event at {@code mark} was applied already: the stored mark covers it (as Axon's
   * gap-aware tracking token covers another).
   */
  boolean applied(Mark mark) {
    if (index < 0) {
      return false;
    }
    if (mark.index() > index || gaps.contains(mark.index())) {
      return false;
    }
    for (long gap : gaps) {
      if (gap < mark.index() && !mark.gaps().contains(gap)) {
        return false;
      }
    }
    return true;
  }

  ProposalTally supported(Mark mark) {
    return new ProposalTally(supports + 1, ratings, applied + 1, mark.index(), list(mark));
  }

  ProposalTally withdrawn(Mark mark) {
    return new ProposalTally(supports - 1, ratings, applied + 1, mark.index(), list(mark));
  }

  ProposalTally rated(int stars, Mark mark) {
    return new ProposalTally(
        supports, summary().rated(stars), applied + 1, mark.index(), list(mark));
  }

  ProposalTally changed(int previousStars, int stars, Mark mark) {
    return new ProposalTally(
        supports, summary().changed(previousStars, stars), applied + 1, mark.index(), list(mark));
  }

  private static List<Long> list(Mark mark) {
    return List.copyOf(mark.gaps());
  }

  private RatingSummary summary() {
    return ratings == null ? RatingSummary.NONE : ratings;
  }
}
