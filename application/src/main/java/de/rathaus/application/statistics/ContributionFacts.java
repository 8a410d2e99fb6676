package de.rathaus.application.statistics;

import de.rathaus.application.shared.Versioned;
import java.time.Instant;

/**
 * What the participation statistic needs of a citizen's proposal or of an item the city put up for
 * rating: its consultation, the comments posted on it (hidden ones too: moderation does not undo
 * taking part), the answer duty it was submitted under, and when the city first answered it.
 *
 * @param item whether it is an item of a feedback consultation (not a citizen's proposal)
 * @param comments comments and replies posted on it
 * @param supportThreshold supports after which the city must answer, or {@code null}
 * @param answerDeadlineDays days the city has to answer once the threshold is reached, or {@code
 *     null}
 * @param firstAnswerAt when the city first answered, or {@code null}
 * @param changedAt when it was submitted, last commented or answered
 */
public record ContributionFacts(
    String id,
    String consultation,
    boolean item,
    long comments,
    Integer supportThreshold,
    Integer answerDeadlineDays,
    Instant firstAnswerAt,
    Instant changedAt,
    long sequence)
    implements Versioned<ContributionFacts> {

  static ContributionFacts proposal(
      String id,
      String consultation,
      Integer supportThreshold,
      Integer answerDeadlineDays,
      Instant at) {
    return new ContributionFacts(
        id, consultation, false, 0, supportThreshold, answerDeadlineDays, null, at, 0);
  }

  static ContributionFacts item(String id, String consultation, Instant at) {
    return new ContributionFacts(id, consultation, true, 0, null, null, null, at, 0);
  }

  ContributionFacts commented(Instant at) {
    return new ContributionFacts(
        id,
        consultation,
        item,
        comments + 1,
        supportThreshold,
        answerDeadlineDays,
        firstAnswerAt,
        at,
        sequence);
  }

  ContributionFacts answered(Instant at) {
    return new ContributionFacts(
        id,
        consultation,
        item,
        comments,
        supportThreshold,
        answerDeadlineDays,
        firstAnswerAt == null ? at : firstAnswerAt,
        at,
        sequence);
  }

  @Override
  public ContributionFacts atSequence(long sequence) {
    return new ContributionFacts(
        id,
        consultation,
        item,
        comments,
        supportThreshold,
        answerDeadlineDays,
        firstAnswerAt,
        changedAt,
        sequence);
  }
}
