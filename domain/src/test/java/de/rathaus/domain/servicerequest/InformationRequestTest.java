package de.rathaus.domain.servicerequest;

import static de.rathaus.domain.servicerequest.Cases.*;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Questions to the applicant, answers, and the deadline clock that pauses in between. */
class InformationRequestTest {

  private CaseFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CaseFixture();
  }

  @Test
  void askingTheApplicantWaitsForTheAnswer() {
    fixture
        .given(submitted(), assigned())
        .when(
            new RequestInformation(
                ID, QUESTION, "Please send the vehicle registration", day(16), BUERGERAMT, day(2)))
        .expectEvents(asked(day(2)));
  }

  @Test
  void refusesAQuestionBeforeTheCaseIsTaken() {
    fixture
        .given(submitted())
        .when(new RequestInformation(ID, QUESTION, "Which car?", day(16), BUERGERAMT, day(2)))
        .expectRefusal(Code.NOT_IN_PROGRESS);
  }

  @Test
  void refusesASecondQuestionWhileOneIsOpen() {
    fixture
        .given(submitted(), assigned(), asked(day(2)))
        .when(
            new RequestInformation(
                ID, new InformationRequestId("q-2"), "And?", day(17), BUERGERAMT, day(3)))
        .expectRefusal(Code.NOT_IN_PROGRESS);
  }

  @Test
  void refusesAnAnswerDateBeforeTheQuestion() {
    fixture
        .given(submitted(), assigned())
        .when(new RequestInformation(ID, QUESTION, "Which car?", day(2), BUERGERAMT, day(2)))
        .expectRefusal(Code.ANSWER_DUE_BEFORE_QUESTION);
  }

  @Test
  void answeringResumesProcessingOfTheOpenQuestion() {
    fixture
        .given(submitted(), assigned(), asked(day(2)))
        .when(new AnswerInformationRequest(ID, ANNA, "Attached", day(5)))
        .expectEvents(answered(day(5), DUE.plus(Duration.ofDays(3))));
  }

  @Test
  void dueDateMovesByExactlyTheWaitingTime() {
    Instant askedAt = Instant.parse("2026-03-05T09:13:07.250Z");
    Instant answeredAt = Instant.parse("2026-03-09T17:42:59.999Z");
    Duration waited = Duration.between(askedAt, answeredAt);
    fixture
        .given(submitted(), assigned(), asked(askedAt))
        .when(new AnswerInformationRequest(ID, ANNA, "Attached", answeredAt))
        .expectEvents(answered(answeredAt, DUE.plus(waited)));
  }

  @Test
  void dueDateMovesBySumOfAllWaitingTimes() {
    Instant firstDue = DUE.plus(Duration.ofDays(2));
    fixture
        .given(
            submitted(),
            assigned(),
            asked(day(2)),
            answered(day(4), firstDue),
            new InformationRequested(
                ID, ANNA, new InformationRequestId("q-2"), "And?", day(20), day(6)))
        .when(new AnswerInformationRequest(ID, ANNA, "Here", day(6.5)))
        .expectEvents(
            new InformationRequestAnswered(
                ID,
                new InformationRequestId("q-2"),
                ANNA,
                "Here",
                firstDue.plus(Duration.ofHours(12)),
                day(6.5)));
  }

  @Test
  void overdueCountsFromTheMovedDueDate() {
    // Due on day 14; waiting from day 10 to day 20 moved it to day 24.
    fixture
        .given(submitted(), assigned(), asked(day(10)), answered(day(20), day(24)))
        .when(new MarkCaseOverdue(ID, day(24.5)))
        .expectEvents(new CaseBecameOverdue(ID, day(24), day(24.5)));
  }

  @Test
  void aClockRunningBackwardsNeverMovesTheDueDateEarlier() {
    fixture
        .given(submitted(), assigned(), asked(day(2)))
        .when(new AnswerInformationRequest(ID, ANNA, "Attached", day(2).minusSeconds(5)))
        .expectEvents(answered(day(2).minusSeconds(5), DUE));
  }

  @Test
  void refusesAnAnswerFromSomeoneElse() {
    fixture
        .given(submitted(), assigned(), asked(day(2)))
        .when(new AnswerInformationRequest(ID, BEN, "Attached", day(5)))
        .expectRefusal(Code.NOT_THE_APPLICANT);
  }

  @Test
  void refusesAnAnswerWhenNoQuestionIsOpen() {
    fixture
        .given(submitted(), assigned())
        .when(new AnswerInformationRequest(ID, ANNA, "Attached", day(5)))
        .expectRefusal(Code.NOT_WAITING);
  }

  @Test
  void refusesASecondAnswerToTheSameQuestion() {
    fixture
        .given(
            submitted(), assigned(), asked(day(2)), answered(day(5), DUE.plus(Duration.ofDays(3))))
        .when(new AnswerInformationRequest(ID, ANNA, "Forgot this", day(5.5)))
        .expectRefusal(Code.NOT_WAITING);
  }

  @Test
  void cancellingAQuestionResumesTheClockWithTheWaitingTimeAdded() {
    fixture
        .given(submitted(), assigned(), asked(day(2)))
        .when(
            new CancelInformationRequest(
                ID, QUESTION, "Documents came by post", BUERGERAMT, day(9)))
        .expectEvents(cancelled("Documents came by post", DUE.plus(Duration.ofDays(7)), day(9)));
  }

  @Test
  void cancelledQuestionLetsTheClerkDecide() {
    fixture
        .given(submitted(), assigned(), asked(day(2)), cancelled("No answer", day(21), day(9)))
        .when(new DecideCase(ID, approval(), BUERGERAMT, day(10)))
        .expectEvents(new CaseDecided(ID, ANNA, approval(), day(10)));
  }

  @Test
  void refusesCancellingWhenNoQuestionIsOpen() {
    fixture
        .given(submitted(), assigned())
        .when(new CancelInformationRequest(ID, QUESTION, "Nothing to cancel", BUERGERAMT, day(9)))
        .expectRefusal(Code.NOT_WAITING);
  }

  @Test
  void flagsAnUnansweredQuestionPastItsAnswerDate() {
    InformationRequested question = asked(day(2));
    Instant late = question.answerDueDate().plusSeconds(1);
    fixture
        .given(submitted(), assigned(), question)
        .when(new MarkAnswerOverdue(ID, late))
        .expectEvents(
            new InformationRequestBecameOverdue(ID, QUESTION, question.answerDueDate(), late));
  }

  @Test
  void refusesTheAnswerFlagBeforeTheAnswerDate() {
    InformationRequested question = asked(day(2));
    fixture
        .given(submitted(), assigned(), question)
        .when(new MarkAnswerOverdue(ID, question.answerDueDate()))
        .expectRefusal(Code.NOT_OVERDUE_YET);
  }

  @Test
  void refusesTheAnswerFlagWhenNoQuestionIsOpen() {
    fixture
        .given(submitted(), assigned())
        .when(new MarkAnswerOverdue(ID, day(30)))
        .expectRefusal(Code.NOT_WAITING);
  }

  @Test
  void refusesFlaggingTheSameAnswerOverdueTwice() {
    InformationRequested question = asked(day(2));
    Instant late = question.answerDueDate().plusSeconds(1);
    fixture
        .given(
            submitted(),
            assigned(),
            question,
            new InformationRequestBecameOverdue(ID, QUESTION, question.answerDueDate(), late))
        .when(new MarkAnswerOverdue(ID, late.plusSeconds(60)))
        .expectRefusal(Code.ALREADY_OVERDUE);
  }

  @Test
  void aNewQuestionCanBeFlaggedAgain() {
    InformationRequested first = asked(day(2));
    Instant late = first.answerDueDate().plusSeconds(1);
    InformationRequestId second = new InformationRequestId("q-2");
    InformationRequested again =
        new InformationRequested(ID, ANNA, second, "And the insurance?", day(40), day(20));
    fixture
        .given(
            submitted(),
            assigned(),
            first,
            new InformationRequestBecameOverdue(ID, QUESTION, first.answerDueDate(), late),
            cancelled("Asked by phone", day(30), day(19)),
            again)
        .when(new MarkAnswerOverdue(ID, day(41)))
        .expectEvents(new InformationRequestBecameOverdue(ID, second, day(40), day(41)));
  }

  @Test
  void refusesCancellingAnotherQuestionThanTheOpenOne() {
    fixture
        .given(submitted(), assigned(), asked(day(2)))
        .when(
            new CancelInformationRequest(
                ID, new InformationRequestId("q-9"), "Wrong one", BUERGERAMT, day(9)))
        .expectRefusal(Code.UNKNOWN_QUESTION);
  }
}
