package de.rathaus.application.participation;

import de.rathaus.domain.participation.ConsultationId;
import java.time.Instant;
import java.util.List;

/**
 * What came of a consultation, as the public reads it: each proposal with how the city stands with
 * its answer, and the city's accountability in figures.
 *
 * @param proposals the proposals the public sees (not those a moderator hid), newest first, each
 *     with its answer duty at {@code at}
 * @param answered how many the city has answered
 * @param withDeadline how many reached the support threshold where an answer deadline runs
 * @param answeredInTime how many of those the city answered by the deadline
 * @param overdue how many of those are waiting for an answer past the deadline
 * @param at the instant the deadlines were judged at
 * @param ratings the ratings of all its feedback items together, or {@code null} if it has none
 */
public record ConsultationResults(
    ConsultationId consultation,
    List<Result> proposals,
    int answered,
    int withDeadline,
    int answeredInTime,
    int overdue,
    Instant at,
    RatingSummary ratings) {

  /**
   * One proposal's (or feedback item's) result: the proposal as read, and where its answer stands.
   */
  public record Result(ProposalView proposal, AnswerDuty duty) {}

  public ConsultationResults {
    proposals = List.copyOf(proposals);
  }

  /**
   * The results of these proposals of the consultation, judged at {@code now}; hidden ones are left
   * out (and out of the shares).
   */
  public static ConsultationResults of(
      ConsultationId consultation, List<ProposalView> proposals, Instant now) {
    List<Result> results =
        proposals.stream()
            .filter(p -> !p.hidden())
            .sorted(InMemoryProposalViews.NEWEST_FIRST)
            .map(p -> new Result(p, p.answerDuty(now)))
            .toList();
    int answered = (int) results.stream().filter(r -> r.proposal().answer() != null).count();
    int withDeadline = (int) results.stream().filter(r -> r.duty() != AnswerDuty.NONE).count();
    int inTime =
        (int) results.stream().filter(r -> r.duty() == AnswerDuty.ANSWERED_IN_TIME).count();
    int overdue = (int) results.stream().filter(r -> r.duty() == AnswerDuty.OVERDUE).count();
    RatingSummary ratings =
        results.stream()
            .map(r -> r.proposal().tally().ratings())
            .filter(r -> r != null)
            .reduce(RatingSummary::plus)
            .orElse(null);
    return new ConsultationResults(
        consultation, results, answered, withDeadline, inTime, overdue, now, ratings);
  }

  /** The share of proposals the city answered (0 to 1), or {@code null} if there are none. */
  public Double answeredShare() {
    return proposals.isEmpty() ? null : (double) answered / proposals.size();
  }

  /**
   * The share of proposals with an answer deadline that the city answered in time (0 to 1), or
   * {@code null} if no deadline ran.
   */
  public Double answeredInTimeShare() {
    return withDeadline == 0 ? null : (double) answeredInTime / withDeadline;
  }
}
