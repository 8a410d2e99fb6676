package de.rathaus.domain.servicerequest;

import static de.rathaus.domain.servicerequest.Cases.*;
import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The objection (Widerspruch): filed by the applicant within the period after the decision, once
 * per decision, and decided by a clerk of the handling department. The decision of {@link
 * Cases#decided()} is of 8 March 2026, 09:00 Berlin time; with one month, the last day is 8 April
 * (the period ends at midnight, Berlin summer time, 22:00 UTC).
 */
class ObjectionTest {

  private static final Period MONTH = Period.ofMonths(1);
  private static final Period DEADLINE = Period.ofMonths(3);
  private static final Instant IN_TIME = Instant.parse("2026-04-08T21:59:59Z");
  private static final Instant TOO_LATE = Instant.parse("2026-04-08T22:00:00Z");
  private static final AttachmentRef LETTER =
      new AttachmentRef(new AttachmentId("o-1"), "application/pdf", 100, "cd".repeat(32));

  private static final AttachmentLimits LIMITS = new AttachmentLimits(3, 1_000, 1_500);

  private CaseFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CaseFixture();
  }

  private static FileObjection objection(Instant at, List<AttachmentId> attachments) {
    return new FileObjection(ID, ANNA, "Der Bescheid übersieht", attachments, MONTH, DEADLINE, at);
  }

  private static ObjectionFiled filed(Instant at, List<AttachmentId> attachments) {
    return new ObjectionFiled(
        ID,
        ANNA,
        "Der Bescheid übersieht",
        attachments,
        at.atZone(ObjectionRules.CITY_TIME).plusMonths(3).toInstant(),
        at);
  }

  private static DocumentAttached objectionDocument() {
    return new DocumentAttached(
        ID, ANNA, LETTER, "Attest.pdf", AttachmentPurpose.OBJECTION, null, day(10));
  }

  @Test
  void applicantObjectsOnTheLastDayOfThePeriod() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(objection(IN_TIME, List.of()))
        .expectEvents(filed(IN_TIME, List.of()));
  }

  @Test
  void refusesAnObjectionAfterThePeriodNamingTheLastDay() {
    CaseFixture.Then then =
        fixture
            .given(submitted(), assigned(), decided())
            .when(objection(TOO_LATE, List.of()))
            .expectRefusal(Code.OBJECTION_PERIOD_OVER);
    assertThat(then.refusal())
        .isInstanceOfSatisfying(
            ObjectionPeriodOver.class,
            over -> assertThat(over.lastDay()).isEqualTo(LocalDate.of(2026, 4, 8)));
  }

  @Test
  void objectionOfAClosedCaseWithinThePeriodReopensIt() {
    fixture
        .given(submitted(), assigned(), decided(), new CaseClosed(ID, day(7)))
        .when(objection(day(8), List.of()))
        .expectEvents(filed(day(8), List.of()));
  }

  @Test
  void refusesAnObjectionBeforeADecision() {
    fixture
        .given(submitted(), assigned())
        .when(objection(day(7), List.of()))
        .expectRefusal(Code.NOT_DECIDED);
  }

  @Test
  void refusesAnObjectionToAWithdrawnRequest() {
    fixture
        .given(submitted(), new ServiceRequestWithdrawn(ID, ANNA, null, day(1)))
        .when(objection(day(2), List.of()))
        .expectRefusal(Code.NOT_DECIDED);
  }

  @Test
  void refusesAnObjectionBySomeoneElse() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(new FileObjection(ID, BEN, "Ich auch", List.of(), MONTH, DEADLINE, day(7)))
        .expectRefusal(Code.NOT_THE_APPLICANT);
  }

  @Test
  void refusesASecondObjectionWhilePending() {
    fixture
        .given(submitted(), assigned(), decided(), filed(day(7), List.of()))
        .when(objection(day(8), List.of()))
        .expectRefusal(Code.ALREADY_OBJECTED);
  }

  @Test
  void refusesASecondObjectionToTheSameDecision() {
    fixture
        .given(
            submitted(),
            assigned(),
            decided(),
            filed(day(7), List.of()),
            new ObjectionDecided(ID, ANNA, ObjectionOutcome.OBJECTION_REJECTED, "Bleibt", day(9)))
        .when(objection(day(10), List.of()))
        .expectRefusal(Code.ALREADY_OBJECTED);
  }

  @Test
  void objectionNamesTheApplicantsDocumentFiledForIt() {
    fixture
        .given(submitted(), assigned(), decided(), objectionDocument())
        .when(objection(day(11), List.of(LETTER.id())))
        .expectEvents(filed(day(11), List.of(LETTER.id())));
  }

  @Test
  void refusesAnObjectionNamingAnUnknownDocument() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(objection(day(11), List.of(new AttachmentId("nope"))))
        .expectRefusal(Code.UNKNOWN_ATTACHMENT);
  }

  @Test
  void applicantAttachesAnObjectionDocumentWhileTheDecisionStands() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(
            new AttachDocument(
                ID, LETTER, "Attest.pdf", AttachmentPurpose.OBJECTION, ANNA, null, LIMITS, day(10)))
        .expectEvents(objectionDocument());
  }

  @Test
  void refusesAnObjectionDocumentBeforeTheDecision() {
    fixture
        .given(submitted(), assigned())
        .when(
            new AttachDocument(
                ID, LETTER, "Attest.pdf", AttachmentPurpose.OBJECTION, ANNA, null, LIMITS, day(10)))
        .expectRefusal(Code.NOT_DECIDED);
  }

  @Test
  void refusesWithdrawingAnObjectionProcedureAsARequest() {
    fixture
        .given(submitted(), assigned(), decided(), filed(day(7), List.of()))
        .when(new WithdrawServiceRequest(ID, ANNA, null, day(8)))
        .expectRefusal(Code.NOT_OPEN);
  }

  @Test
  void clerkOfTheDepartmentDecidesThePendingObjection() {
    fixture
        .given(submitted(), assigned(), decided(), filed(day(7), List.of()))
        .when(
            new DecideObjection(
                ID, ObjectionOutcome.OBJECTION_UPHELD, "Attest belegt", BUERGERAMT, day(9)))
        .expectEvents(
            new ObjectionDecided(
                ID, ANNA, ObjectionOutcome.OBJECTION_UPHELD, "Attest belegt", day(9)));
  }

  @Test
  void refusesAnObjectionDecisionByAnotherDepartment() {
    fixture
        .given(submitted(), assigned(), decided(), filed(day(7), List.of()))
        .when(
            new DecideObjection(
                ID, ObjectionOutcome.OBJECTION_REJECTED, "Nein", ORDNUNGSAMT, day(9)))
        .expectRefusal(Code.NOT_YOUR_DEPARTMENT);
  }

  @Test
  void refusesAnObjectionDecisionWithoutAPendingObjection() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(
            new DecideObjection(
                ID, ObjectionOutcome.OBJECTION_REJECTED, "Nein", BUERGERAMT, day(9)))
        .expectRefusal(Code.NO_OBJECTION_PENDING);
  }

  @Test
  void aPendingObjectionFallsOverdueAfterItsOwnDeadline() {
    ObjectionFiled filed = filed(day(7), List.of());
    fixture
        .given(
            submitted(),
            assigned(),
            new CaseBecameOverdue(ID, DUE, DUE.plusSeconds(1)),
            decided(),
            filed)
        .when(new MarkCaseOverdue(ID, filed.dueDate().plusSeconds(1)))
        .expectEvents(new CaseBecameOverdue(ID, filed.dueDate(), filed.dueDate().plusSeconds(1)));
  }

  @Test
  void aPendingObjectionIsNotOverdueBeforeItsDeadline() {
    fixture
        .given(submitted(), assigned(), decided(), filed(day(7), List.of()))
        .when(new MarkCaseOverdue(ID, day(30)))
        .expectRefusal(Code.NOT_OVERDUE_YET);
  }

  @Test
  void decidedObjectionLetsTheCaseBeClosed() {
    fixture
        .given(
            submitted(),
            assigned(),
            decided(),
            filed(day(7), List.of()),
            new ObjectionDecided(ID, ANNA, ObjectionOutcome.OBJECTION_REJECTED, "Bleibt", day(9)))
        .when(new CloseCase(ID, BUERGERAMT, day(10)))
        .expectEvents(new CaseClosed(ID, day(10)));
  }

  @Test
  void refusesClosingWhileAnObjectionIsPending() {
    fixture
        .given(submitted(), assigned(), decided(), filed(day(7), List.of()))
        .when(new CloseCase(ID, BUERGERAMT, day(8)))
        .expectRefusal(Code.NOT_DECIDED);
  }
}
