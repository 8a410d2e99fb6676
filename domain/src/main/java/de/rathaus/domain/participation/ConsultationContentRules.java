package de.rathaus.domain.participation;

import de.rathaus.domain.participation.ConsultationRuleViolation.Code;
import java.time.Instant;
import java.util.HashSet;

/**
 * How the parts of a consultation's content fit together, checked when a consultation is drafted
 * and each time its draft is revised: dates in order and in the future, a voting phase and the
 * city's accountability (support threshold, answer deadline) only where there are proposals.
 */
final class ConsultationContentRules {

  private ConsultationContentRules() {}

  static void requireFitting(ConsultationId id, ConsultationContent content, Instant now) {
    if (!content.closesAt().isAfter(content.opensAt())) {
      throw violation(id, Code.CLOSES_BEFORE_IT_OPENS, "A consultation closes after it opens");
    }
    if (!content.closesAt().isAfter(now)) {
      throw violation(id, Code.CLOSES_IN_THE_PAST, "A consultation closes in the future");
    }
    requireFittingVoting(id, content);
    requireFittingAccountability(id, content);
    if (new HashSet<>(content.sustainabilityGoals()).size()
        != content.sustainabilityGoals().size()) {
      throw violation(id, Code.DUPLICATE_GOAL, "Each sustainability goal is named once");
    }
  }

  private static void requireFittingVoting(ConsultationId id, ConsultationContent content) {
    if (content.votingEndsAt() == null) {
      return;
    }
    if (!content.format().hasVoting()) {
      throw violation(id, Code.VOTING_DATE_IN_FEEDBACK, "A feedback consultation has no voting");
    }
    if (!content.votingEndsAt().isAfter(content.closesAt())) {
      throw violation(id, Code.VOTING_ENDS_BEFORE_CLOSING, "Voting ends after contributions end");
    }
  }

  private static void requireFittingAccountability(ConsultationId id, ConsultationContent content) {
    boolean ideas = content.format() == ConsultationFormat.IDEAS;
    Integer threshold = content.supportThreshold();
    Integer days = content.answerDeadlineDays();
    if (threshold != null && !ideas) {
      throw violation(id, Code.THRESHOLD_ONLY_IN_IDEAS, "Only ideas are supported");
    }
    if (threshold != null && threshold < 1) {
      throw violation(id, Code.THRESHOLD_NOT_POSITIVE, "A threshold is at least one support");
    }
    if (days != null && !ideas) {
      throw violation(id, Code.ANSWER_DEADLINE_ONLY_IN_IDEAS, "Only ideas reach a threshold");
    }
    if (days != null && threshold == null) {
      throw violation(
          id, Code.ANSWER_DEADLINE_WITHOUT_THRESHOLD, "An answer deadline needs a threshold");
    }
    if (days != null && days < 1) {
      throw violation(id, Code.ANSWER_DEADLINE_NOT_POSITIVE, "An answer deadline is a day or more");
    }
  }

  private static ConsultationRuleViolation violation(ConsultationId id, Code code, String message) {
    return new ConsultationRuleViolation(id, code, message);
  }
}
