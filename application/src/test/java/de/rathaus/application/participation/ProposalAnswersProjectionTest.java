package de.rathaus.application.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.participation.AnswerStatus;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.shared.CitizenId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The city's answers in the proposals' read model, its answer deadline and the results. */
class ProposalAnswersProjectionTest {

  private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());
  private static final CitizenId ANNA = new CitizenId("anna");

  private final InMemoryProposalViews views = new InMemoryProposalViews();
  private final ProposalProjection projection = new ProposalProjection(views);

  private ProposalId submitted(Integer threshold, Integer days) {
    ProposalId id = ProposalId.of(UUID.randomUUID());
    projection.on(
        new ProposalSubmitted(
            id, CONSULTATION, ANNA, "Anna B.", "Bänke", "Mehr Bänke", null, T, threshold, days),
        0);
    return id;
  }

  private void answered(ProposalId id, long sequence, AnswerStatus status, Instant at) {
    projection.on(
        new ProposalAnswered(id, CONSULTATION, status, "Begründung " + status, at), sequence);
  }

  private ProposalView found(ProposalId id) {
    return projection.handle(new FindProposal(id)).orElseThrow();
  }

  @Test
  void everyAnswerStaysAsADatedEntryAndTheLastIsInForce() {
    ProposalId id = submitted(null, null);
    answered(id, 1, AnswerStatus.ACCEPTED, T.plus(DAY));
    answered(id, 2, AnswerStatus.IMPLEMENTED, T.plus(DAY.multipliedBy(90)));

    ProposalView view = found(id);
    assertThat(view.answers().entries())
        .extracting(AnswerEntry::status, AnswerEntry::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AnswerStatus.ACCEPTED, T.plus(DAY)),
            org.assertj.core.groups.Tuple.tuple(
                AnswerStatus.IMPLEMENTED, T.plus(DAY.multipliedBy(90))));
    assertThat(view.answer().status()).isEqualTo(AnswerStatus.IMPLEMENTED);
    assertThat(view.answer().reasoning()).isEqualTo("Begründung IMPLEMENTED");
  }

  @Test
  void anAnswerInGermanAndEnglishKeepsBothTexts() {
    ProposalId id = submitted(null, null);
    projection.on(
        new ProposalAnswered(
            id,
            CONSULTATION,
            AnswerStatus.ACCEPTED,
            new de.rathaus.domain.participation.AnswerReasoning(
                "Wir stellen Bänke auf.", "We are putting up benches."),
            T.plus(DAY)),
        1);

    AnswerEntry answer = found(id).answer();
    assertThat(answer.reasoning()).isEqualTo("Wir stellen Bänke auf.");
    assertThat(answer.reasoningEnglish()).isEqualTo("We are putting up benches.");
    assertThat(answer.reasoningIn("en")).isEqualTo("We are putting up benches.");
    assertThat(answer.reasoningIn("de")).isEqualTo("Wir stellen Bänke auf.");
  }

  @Test
  void aRedeliveredAnswerIsNotASecondEntry() {
    ProposalId id = submitted(null, null);
    answered(id, 1, AnswerStatus.ACCEPTED, T.plus(DAY));
    answered(id, 1, AnswerStatus.ACCEPTED, T.plus(DAY));
    assertThat(found(id).answers().entries()).hasSize(1);
  }

  @Test
  void noDeadlineRunsBeforeTheThresholdIsReached() {
    ProposalView view = found(submitted(3, 14)).supportsCounted(2, T.plus(DAY));
    assertThat(view.answerDue()).isNull();
    assertThat(view.answerDuty(T.plus(DAY.multipliedBy(100)))).isEqualTo(AnswerDuty.NONE);
  }

  @Test
  void theDeadlineRunsFromTheFirstTimeTheThresholdIsReachedEvenIfSupportsAreWithdrawn() {
    ProposalView view =
        found(submitted(3, 14))
            .supportsCounted(3, T.plus(DAY))
            .supportsCounted(2, T.plus(DAY.multipliedBy(2)))
            .supportsCounted(3, T.plus(DAY.multipliedBy(3)));
    assertThat(view.answers().thresholdReachedAt()).isEqualTo(T.plus(DAY));
    assertThat(view.answerDue()).isEqualTo(T.plus(DAY.multipliedBy(15)));
    assertThat(view.answerDuty(T.plus(DAY.multipliedBy(15)))).isEqualTo(AnswerDuty.DUE);
    assertThat(view.answerDuty(T.plus(DAY.multipliedBy(15)).plusMillis(1)))
        .isEqualTo(AnswerDuty.OVERDUE);
  }

  @Test
  void aThresholdWithoutADeadlineNeverMakesAnAnswerOverdue() {
    ProposalView view = found(submitted(3, null)).supportsCounted(5, T.plus(DAY));
    assertThat(view.answerDuty(T.plus(DAY.multipliedBy(1000)))).isEqualTo(AnswerDuty.NONE);
  }

  @Test
  void theFirstAnswerDecidesWhetherTheCityAnsweredInTime() {
    ProposalId late = submitted(1, 7);
    ProposalId inTime = submitted(1, 7);
    views.replace(found(late).supportsCounted(1, T), 0);
    views.replace(found(inTime).supportsCounted(1, T), 0);
    answered(late, 1, AnswerStatus.REJECTED, T.plus(DAY.multipliedBy(8)));
    answered(inTime, 1, AnswerStatus.ACCEPTED, T.plus(DAY.multipliedBy(7)));
    answered(inTime, 2, AnswerStatus.IMPLEMENTED, T.plus(DAY.multipliedBy(30)));

    assertThat(found(late).answerDuty(T.plus(DAY.multipliedBy(9))))
        .isEqualTo(AnswerDuty.ANSWERED_LATE);
    assertThat(found(inTime).answerDuty(T.plus(DAY.multipliedBy(31))))
        .isEqualTo(AnswerDuty.ANSWERED_IN_TIME);
  }

  @Test
  void theResultsCountAnswersAnswersInTimeAndOverdueOnes() {
    ProposalId overdue = submitted(1, 7);
    ProposalId inTime = submitted(1, 7);
    ProposalId unsupported = submitted(1, 7);
    ProposalId answeredWithoutDeadline = submitted(1, 7);
    views.replace(found(overdue).supportsCounted(1, T), 0);
    views.replace(found(inTime).supportsCounted(1, T), 0);
    answered(inTime, 1, AnswerStatus.ACCEPTED, T.plus(DAY));
    answered(answeredWithoutDeadline, 1, AnswerStatus.REJECTED, T.plus(DAY));

    ConsultationResults results =
        projection.handle(new FindConsultationResults(CONSULTATION, T.plus(DAY.multipliedBy(8))));

    assertThat(results.proposals()).hasSize(4);
    assertThat(results.answered()).isEqualTo(2);
    assertThat(results.withDeadline()).isEqualTo(2);
    assertThat(results.answeredInTime()).isEqualTo(1);
    assertThat(results.overdue()).isEqualTo(1);
    assertThat(results.answeredShare()).isEqualTo(0.5);
    assertThat(results.answeredInTimeShare()).isEqualTo(0.5);
    assertThat(results.proposals())
        .filteredOn(r -> r.proposal().id().equals(unsupported))
        .extracting(ConsultationResults.Result::duty)
        .containsExactly(AnswerDuty.NONE);
  }

  @Test
  void aConsultationWithoutProposalsHasNoShares() {
    ConsultationResults results = projection.handle(new FindConsultationResults(CONSULTATION, T));
    assertThat(results.proposals()).isEmpty();
    assertThat(results.answeredShare()).isNull();
    assertThat(results.answeredInTimeShare()).isNull();
  }
}
