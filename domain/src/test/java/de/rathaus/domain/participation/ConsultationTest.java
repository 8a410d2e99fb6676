package de.rathaus.domain.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.participation.ConsultationRuleViolation.Code;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consultation's content rules and phases, one rule per test. Refusals are checked on the
 * exception the aggregate threw (captured by a handler interceptor) and on the absence of events.
 */
class ConsultationTest {

  private static final ConsultationId ID = ConsultationId.of(UUID.randomUUID());
  private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
  private static final Instant OPENS = NOW.plus(Duration.ofDays(1));
  private static final Instant CLOSES = NOW.plus(Duration.ofDays(30));
  private static final Instant VOTING_ENDS = NOW.plus(Duration.ofDays(40));
  private static final LocalizedText SUMMARY =
      new LocalizedText("Drei Vorschläge werden umgesetzt", "Three proposals will be implemented");

  private FixtureConfiguration<Consultation> fixture;
  private Exception thrown;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Consultation.class);
    fixture.registerCommandHandlerInterceptor(
        (unitOfWork, chain) -> {
          try {
            return chain.proceed();
          } catch (Exception e) {
            thrown = e;
            throw e;
          }
        });
  }

  static ConsultationContent ideas(Instant votingEndsAt) {
    return content(ConsultationFormat.IDEAS, OPENS, CLOSES, votingEndsAt, 50, 30);
  }

  static ConsultationContent feedback() {
    return content(ConsultationFormat.FEEDBACK, OPENS, CLOSES, null, null, null);
  }

  static ConsultationContent content(
      ConsultationFormat format,
      Instant opens,
      Instant closes,
      Instant votingEnds,
      Integer threshold,
      Integer days) {
    return new ConsultationContent(
        new LocalizedText("Radwege in der Innenstadt", "Cycle lanes downtown"),
        new LocalizedText("Wo fehlen Radwege?", "Where are cycle lanes missing?"),
        new ActionFieldCode("mobilitaet"),
        List.of(SustainabilityGoal.SUSTAINABLE_CITIES_AND_COMMUNITIES),
        new DepartmentCode("ordnungsamt"),
        format,
        opens,
        closes,
        votingEnds,
        threshold,
        days);
  }

  private static ConsultationDrafted drafted(ConsultationContent content) {
    return new ConsultationDrafted(ID, content, NOW);
  }

  private void assertRefusedWith(Code code) {
    assertThat(thrown)
        .isInstanceOfSatisfying(
            ConsultationRuleViolation.class,
            violation -> {
              assertThat(violation.code()).isEqualTo(code);
              assertThat(violation.consultation()).isEqualTo(ID);
            });
  }

  private void refusesDraft(ConsultationContent content, Code code) {
    fixture.givenNoPriorActivity().when(new DraftConsultation(ID, content, NOW)).expectNoEvents();
    assertRefusedWith(code);
  }

  // --- drafting and its content rules

  @Test
  void draftsAConsultation() {
    fixture
        .givenNoPriorActivity()
        .when(new DraftConsultation(ID, ideas(VOTING_ENDS), NOW))
        .expectEvents(drafted(ideas(VOTING_ENDS)))
        .expectState(c -> assertThat(c.phase()).isEqualTo(ConsultationPhase.DRAFT));
  }

  @Test
  void refusesASecondConsultationUnderAnExistingId() {
    ResultValidator<Consultation> result =
        fixture
            .given(drafted(feedback()))
            .when(new DraftConsultation(ID, feedback(), NOW))
            .expectNoEvents();
    assertThatThrownBy(result::expectSuccessfulHandlerExecution).isInstanceOf(AssertionError.class);
  }

  @Test
  void refusesAConsultationThatClosesBeforeItOpens() {
    refusesDraft(
        content(ConsultationFormat.FEEDBACK, CLOSES, OPENS, null, null, null),
        Code.CLOSES_BEFORE_IT_OPENS);
  }

  @Test
  void refusesAConsultationThatClosesWhenItOpens() {
    refusesDraft(
        content(ConsultationFormat.FEEDBACK, OPENS, OPENS, null, null, null),
        Code.CLOSES_BEFORE_IT_OPENS);
  }

  @Test
  void refusesAConsultationThatHasClosedAlready() {
    refusesDraft(
        content(
            ConsultationFormat.FEEDBACK,
            NOW.minus(Duration.ofDays(9)),
            NOW.minusSeconds(1),
            null,
            null,
            null),
        Code.CLOSES_IN_THE_PAST);
  }

  @Test
  void aConsultationMayOpenInThePast() {
    ConsultationContent openNow =
        content(ConsultationFormat.FEEDBACK, NOW.minusSeconds(60), CLOSES, null, null, null);
    fixture
        .givenNoPriorActivity()
        .when(new DraftConsultation(ID, openNow, NOW))
        .expectEvents(drafted(openNow));
  }

  @Test
  void refusesVotingThatEndsBeforeContributionsEnd() {
    refusesDraft(ideas(CLOSES), Code.VOTING_ENDS_BEFORE_CLOSING);
  }

  @Test
  void refusesAVotingDateInAFeedbackConsultation() {
    refusesDraft(
        content(ConsultationFormat.FEEDBACK, OPENS, CLOSES, VOTING_ENDS, null, null),
        Code.VOTING_DATE_IN_FEEDBACK);
  }

  @Test
  void refusesASupportThresholdInAFeedbackConsultation() {
    refusesDraft(
        content(ConsultationFormat.FEEDBACK, OPENS, CLOSES, null, 10, null),
        Code.THRESHOLD_ONLY_IN_IDEAS);
  }

  @Test
  void refusesAThresholdBelowOneSupport() {
    refusesDraft(
        content(ConsultationFormat.IDEAS, OPENS, CLOSES, null, 0, null),
        Code.THRESHOLD_NOT_POSITIVE);
  }

  @Test
  void refusesAnAnswerDeadlineInAFeedbackConsultation() {
    refusesDraft(
        content(ConsultationFormat.FEEDBACK, OPENS, CLOSES, null, null, 30),
        Code.ANSWER_DEADLINE_ONLY_IN_IDEAS);
  }

  @Test
  void refusesAnAnswerDeadlineWithoutAThreshold() {
    refusesDraft(
        content(ConsultationFormat.IDEAS, OPENS, CLOSES, null, null, 30),
        Code.ANSWER_DEADLINE_WITHOUT_THRESHOLD);
  }

  @Test
  void refusesAnAnswerDeadlineBelowOneDay() {
    refusesDraft(
        content(ConsultationFormat.IDEAS, OPENS, CLOSES, null, 5, -1),
        Code.ANSWER_DEADLINE_NOT_POSITIVE);
  }

  @Test
  void refusesAGoalNamedTwice() {
    ConsultationContent base = feedback();
    refusesDraft(
        new ConsultationContent(
            base.title(),
            base.description(),
            base.actionField(),
            List.of(SustainabilityGoal.CLIMATE_ACTION, SustainabilityGoal.CLIMATE_ACTION),
            null,
            base.format(),
            base.opensAt(),
            base.closesAt(),
            null,
            null,
            null),
        Code.DUPLICATE_GOAL);
  }

  // --- revising a draft

  @Test
  void revisesADraft() {
    fixture
        .given(drafted(ideas(null)))
        .when(new ReviseConsultation(ID, ideas(VOTING_ENDS), NOW))
        .expectEvents(new ConsultationRevised(ID, ideas(VOTING_ENDS)));
  }

  @Test
  void savingTheDraftAsItIsRecordsNothing() {
    fixture
        .given(drafted(ideas(null)))
        .when(new ReviseConsultation(ID, ideas(null), NOW))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void aRevisionKeepsToTheContentRules() {
    fixture
        .given(drafted(feedback()))
        .when(
            new ReviseConsultation(
                ID,
                content(ConsultationFormat.FEEDBACK, OPENS, CLOSES, VOTING_ENDS, null, null),
                NOW))
        .expectNoEvents();
    assertRefusedWith(Code.VOTING_DATE_IN_FEEDBACK);
  }

  @Test
  void refusesToReviseAnOpenConsultation() {
    fixture
        .given(drafted(feedback()), new ConsultationOpened(ID, OPENS))
        .when(new ReviseConsultation(ID, ideas(null), NOW))
        .expectNoEvents();
    assertRefusedWith(Code.NOT_A_DRAFT);
  }

  // --- phases by hand

  private void moves(
      ConsultationContent content,
      List<Object> history,
      ConsultationPhase to,
      LocalizedText summary,
      Object expected) {
    fixture
        .given(prepend(drafted(content), history))
        .when(new MoveConsultationPhase(ID, to, summary, NOW))
        .expectEvents(expected)
        .expectState(c -> assertThat(c.phase()).isEqualTo(to));
  }

  private void refusesMove(
      ConsultationContent content,
      List<Object> history,
      ConsultationPhase to,
      LocalizedText summary,
      Code code) {
    fixture
        .given(prepend(drafted(content), history))
        .when(new MoveConsultationPhase(ID, to, summary, NOW))
        .expectNoEvents();
    assertRefusedWith(code);
  }

  private static List<Object> prepend(Object first, List<Object> rest) {
    List<Object> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  @Test
  void anAdministratorOpensADraftBeforeItsDate() {
    moves(feedback(), List.of(), ConsultationPhase.OPEN, null, new ConsultationOpened(ID, NOW));
  }

  @Test
  void anAdministratorStartsVotingInAnIdeasConsultationWithoutAVotingDate() {
    moves(
        ideas(null),
        List.of(new ConsultationOpened(ID, OPENS)),
        ConsultationPhase.VOTING,
        null,
        new ConsultationVotingStarted(ID, NOW));
  }

  @Test
  void anOpenIdeasConsultationMayCloseWithoutVoting() {
    moves(
        ideas(VOTING_ENDS),
        List.of(new ConsultationOpened(ID, OPENS)),
        ConsultationPhase.CLOSED,
        null,
        new ConsultationClosed(ID, NOW));
  }

  @Test
  void anAdministratorPublishesTheResultsOfAClosedConsultationWithASummary() {
    moves(
        feedback(),
        List.of(new ConsultationOpened(ID, OPENS), new ConsultationClosed(ID, CLOSES)),
        ConsultationPhase.RESULTS_PUBLISHED,
        SUMMARY,
        new ConsultationResultsPublished(ID, SUMMARY, NOW));
  }

  @Test
  void refusesToMoveBackwards() {
    refusesMove(
        feedback(),
        List.of(new ConsultationOpened(ID, OPENS), new ConsultationClosed(ID, CLOSES)),
        ConsultationPhase.OPEN,
        null,
        Code.NOT_FORWARD);
  }

  @Test
  void refusesToMoveToThePhaseItIsIn() {
    refusesMove(
        feedback(),
        List.of(new ConsultationOpened(ID, OPENS)),
        ConsultationPhase.OPEN,
        null,
        Code.NOT_FORWARD);
  }

  @Test
  void refusesVotingInAFeedbackConsultation() {
    refusesMove(
        feedback(),
        List.of(new ConsultationOpened(ID, OPENS)),
        ConsultationPhase.VOTING,
        null,
        Code.NO_VOTING_IN_FEEDBACK);
  }

  @Test
  void refusesToCloseADraftThatNeverOpened() {
    refusesMove(feedback(), List.of(), ConsultationPhase.CLOSED, null, Code.SKIPS_A_PHASE);
  }

  @Test
  void refusesToPublishResultsOfAnOpenConsultation() {
    refusesMove(
        feedback(),
        List.of(new ConsultationOpened(ID, OPENS)),
        ConsultationPhase.RESULTS_PUBLISHED,
        SUMMARY,
        Code.SKIPS_A_PHASE);
  }

  @Test
  void refusesResultsWithoutASummary() {
    refusesMove(
        feedback(),
        List.of(new ConsultationOpened(ID, OPENS), new ConsultationClosed(ID, CLOSES)),
        ConsultationPhase.RESULTS_PUBLISHED,
        null,
        Code.SUMMARY_REQUIRED);
  }

  @Test
  void refusesASummaryWithAnotherPhase() {
    refusesMove(
        feedback(),
        List.of(new ConsultationOpened(ID, OPENS)),
        ConsultationPhase.CLOSED,
        SUMMARY,
        Code.SUMMARY_ONLY_WITH_RESULTS);
  }

  @Test
  void nothingMovesAConsultationWhoseResultsArePublished() {
    refusesMove(
        feedback(),
        List.of(
            new ConsultationOpened(ID, OPENS),
            new ConsultationClosed(ID, CLOSES),
            new ConsultationResultsPublished(ID, SUMMARY, CLOSES.plusSeconds(60))),
        ConsultationPhase.CLOSED,
        null,
        Code.NOT_FORWARD);
  }

  // --- phases at their dates

  private ResultValidator<Consultation> advance(
      ConsultationContent content, List<Object> history, Instant now) {
    return fixture
        .given(prepend(drafted(content), history))
        .when(new AdvanceConsultationPhases(ID, now));
  }

  @Test
  void opensAtItsOpeningDate() {
    advance(feedback(), List.of(), OPENS)
        .expectEvents(new ConsultationOpened(ID, OPENS))
        .expectState(c -> assertThat(c.phase()).isEqualTo(ConsultationPhase.OPEN));
  }

  @Test
  void startsVotingAtItsClosingDateWhenItHasAVotingPhase() {
    advance(ideas(VOTING_ENDS), List.of(new ConsultationOpened(ID, OPENS)), CLOSES.plusSeconds(1))
        .expectEvents(new ConsultationVotingStarted(ID, CLOSES));
  }

  @Test
  void closesAtItsClosingDateWithoutAVotingPhase() {
    advance(feedback(), List.of(new ConsultationOpened(ID, OPENS)), CLOSES)
        .expectEvents(new ConsultationClosed(ID, CLOSES));
  }

  @Test
  void closesWhenVotingEnds() {
    advance(
            ideas(VOTING_ENDS),
            List.of(new ConsultationOpened(ID, OPENS), new ConsultationVotingStarted(ID, CLOSES)),
            VOTING_ENDS)
        .expectEvents(new ConsultationClosed(ID, VOTING_ENDS));
  }

  @Test
  void movesThroughEveryDatePassedInOrderEachAtItsDate() {
    advance(ideas(VOTING_ENDS), List.of(), VOTING_ENDS.plus(Duration.ofDays(3)))
        .expectEvents(
            new ConsultationOpened(ID, OPENS),
            new ConsultationVotingStarted(ID, CLOSES),
            new ConsultationClosed(ID, VOTING_ENDS))
        .expectState(c -> assertThat(c.phase()).isEqualTo(ConsultationPhase.CLOSED));
  }

  @Test
  void refusesWhenNoDateIsDue() {
    advance(feedback(), List.of(), OPENS.minusSeconds(1)).expectNoEvents();
    assertRefusedWith(Code.NOTHING_DUE);
  }

  @Test
  void votingStartedByHandWithoutADateWaitsForAnAdministrator() {
    advance(
            ideas(null),
            List.of(new ConsultationOpened(ID, OPENS), new ConsultationVotingStarted(ID, OPENS)),
            CLOSES.plus(Duration.ofDays(100)))
        .expectNoEvents();
    assertRefusedWith(Code.NOTHING_DUE);
  }

  @Test
  void theDatesNeverPublishResults() {
    advance(
            feedback(),
            List.of(new ConsultationOpened(ID, OPENS), new ConsultationClosed(ID, CLOSES)),
            CLOSES.plus(Duration.ofDays(365)))
        .expectNoEvents();
    assertRefusedWith(Code.NOTHING_DUE);
  }

  @Test
  void aConsultationClosedEarlyByHandIsNotMovedAgainAtItsDates() {
    advance(
            ideas(VOTING_ENDS),
            List.of(new ConsultationOpened(ID, OPENS), new ConsultationClosed(ID, OPENS)),
            VOTING_ENDS.plusSeconds(1))
        .expectNoEvents();
    assertRefusedWith(Code.NOTHING_DUE);
  }
}
