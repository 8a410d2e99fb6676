package de.rathaus.application.participation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The city's answers to a proposal and its duty to give one: the consultation's support threshold
 * and answer deadline as the proposal was submitted under them, when its supports first reached the
 * threshold, and every answer the city gave, oldest first (the last is in force).
 *
 * @param supportThreshold the supports after which the city must answer, or {@code null}
 * @param answerDeadlineDays the days it has to answer once the threshold is reached, or {@code
 *     null}
 * @param thresholdReachedAt when its supports first reached the threshold, or {@code null}
 * @param entries the city's answers, oldest first
 */
public record ProposalAnswers(
    Integer supportThreshold,
    Integer answerDeadlineDays,
    Instant thresholdReachedAt,
    List<AnswerEntry> entries) {

  /** No threshold, no deadline, no answer (also a record stored before answers existed). */
  public static final ProposalAnswers NONE = new ProposalAnswers(null, null, null, List.of());

  public ProposalAnswers {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  /** Under the consultation's threshold and deadline, before any support and answer. */
  static ProposalAnswers under(Integer supportThreshold, Integer answerDeadlineDays) {
    return new ProposalAnswers(supportThreshold, answerDeadlineDays, null, List.of());
  }

  ProposalAnswers with(AnswerEntry entry) {
    List<AnswerEntry> more = new ArrayList<>(entries);
    more.add(entry);
    return new ProposalAnswers(supportThreshold, answerDeadlineDays, thresholdReachedAt, more);
  }

  /**
   * With {@code supports} counted at {@code at}: the first time they reach the threshold the answer
   * deadline starts to run; it keeps running if supports are withdrawn afterwards.
   */
  ProposalAnswers supportsCounted(int supports, Instant at) {
    if (supportThreshold == null || thresholdReachedAt != null || supports < supportThreshold) {
      return this;
    }
    return new ProposalAnswers(supportThreshold, answerDeadlineDays, at, entries);
  }

  /** The answer in force, or {@code null} if the city has not answered. */
  public AnswerEntry inForce() {
    return entries.isEmpty() ? null : entries.get(entries.size() - 1);
  }

  /** By when the city must answer, or {@code null} if no deadline runs. */
  public Instant due() {
    return thresholdReachedAt == null || answerDeadlineDays == null
        ? null
        : thresholdReachedAt.plus(Duration.ofDays(answerDeadlineDays));
  }

  /** Where the city stands with its duty to answer, at {@code now}. */
  public AnswerDuty duty(Instant now) {
    Instant due = due();
    if (due == null) {
      return AnswerDuty.NONE;
    }
    if (!entries.isEmpty()) {
      return entries.get(0).at().isAfter(due)
          ? AnswerDuty.ANSWERED_LATE
          : AnswerDuty.ANSWERED_IN_TIME;
    }
    return now.isAfter(due) ? AnswerDuty.OVERDUE : AnswerDuty.DUE;
  }
}
