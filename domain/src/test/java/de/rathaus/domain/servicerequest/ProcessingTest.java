package de.rathaus.domain.servicerequest;

import static de.rathaus.domain.servicerequest.Cases.*;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import de.rathaus.domain.shared.DepartmentCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Taking, handing over and forwarding a case, and internal notes. */
class ProcessingTest {

  private CaseFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CaseFixture();
  }

  @Test
  void clerkTakesASubmittedCase() {
    fixture
        .given(submitted())
        .when(new AssignCase(ID, CLARA, BUERGERAMT, BUERGERAMT, day(1)))
        .expectEvents(new CaseAssigned(ID, CLARA, day(1)));
  }

  @Test
  void takingACaseStartsProcessing() {
    // Deciding needs IN_PROGRESS; without the assignment it is refused (see DecisionTest).
    fixture
        .given(submitted(), assigned())
        .when(new DecideCase(ID, approval(), BUERGERAMT, day(3)))
        .expectEvents(new CaseDecided(ID, ANNA, approval(), day(3)));
  }

  @Test
  void handsTheCaseToAColleague() {
    fixture
        .given(submitted(), assigned())
        .when(new AssignCase(ID, CLEMENS, BUERGERAMT, BUERGERAMT, day(2)))
        .expectEvents(new CaseAssigned(ID, CLEMENS, day(2)));
  }

  @Test
  void refusesAssigningAClerkOfAnotherDepartment() {
    fixture
        .given(submitted())
        .when(new AssignCase(ID, new ClerkId("carl"), ORDNUNGSAMT, BUERGERAMT, day(1)))
        .expectRefusal(Code.NOT_A_CLERK_OF_THE_DEPARTMENT);
  }

  @Test
  void refusesAssigningSomeoneWhoIsNoClerk() {
    fixture
        .given(submitted())
        .when(new AssignCase(ID, new ClerkId("mona"), null, BUERGERAMT, day(1)))
        .expectRefusal(Code.NOT_A_CLERK_OF_THE_DEPARTMENT);
  }

  @Test
  void refusesAssigningTheSameClerkAgain() {
    fixture
        .given(submitted(), assigned())
        .when(new AssignCase(ID, CLARA, BUERGERAMT, BUERGERAMT, day(2)))
        .expectRefusal(Code.ALREADY_ASSIGNED);
  }

  @Test
  void handingOverWhileWaitingKeepsWaitingForTheApplicant() {
    fixture
        .given(submitted(), assigned(), asked(day(2)), new CaseAssigned(ID, CLEMENS, day(3)))
        .when(new AnswerInformationRequest(ID, ANNA, "Attached", day(4)))
        .expectEvents(answered(day(4), DUE.plus(java.time.Duration.ofDays(2))));
  }

  @Test
  void refusesAssigningAWithdrawnCase() {
    fixture
        .given(submitted(), new ServiceRequestWithdrawn(ID, ANNA, null, day(1)))
        .when(new AssignCase(ID, CLARA, BUERGERAMT, BUERGERAMT, day(2)))
        .expectRefusal(Code.NOT_OPEN);
  }

  @Test
  void forwardingHandsTheCaseToTheOtherDepartment() {
    fixture
        .given(submitted(), assigned())
        .when(new ForwardCase(ID, ORDNUNGSAMT, "Traffic matter", BUERGERAMT, day(2), true))
        .expectEvents(forwarded(BUERGERAMT, ORDNUNGSAMT));
  }

  @Test
  void forwardedCaseIsNoLongerTheSendersCase() {
    fixture
        .given(submitted(), forwarded(BUERGERAMT, ORDNUNGSAMT))
        .when(new AddInternalNote(ID, "Still ours?", CLARA, BUERGERAMT, day(3)))
        .expectRefusal(Code.NOT_YOUR_DEPARTMENT);
  }

  @Test
  void forwardedCaseBelongsToTheReceivingDepartment() {
    fixture
        .given(submitted(), forwarded(BUERGERAMT, ORDNUNGSAMT))
        .when(new AssignCase(ID, new ClerkId("carl"), ORDNUNGSAMT, ORDNUNGSAMT, day(3)))
        .expectEvents(new CaseAssigned(ID, new ClerkId("carl"), day(3)));
  }

  @Test
  void forwardingLeavesTheCaseUnassigned() {
    // Had forwarding kept Clara as assignee, taking it again would be ALREADY_ASSIGNED.
    fixture
        .given(
            submitted(),
            assigned(),
            forwarded(BUERGERAMT, ORDNUNGSAMT),
            new CaseForwarded(ID, ANNA, ORDNUNGSAMT, BUERGERAMT, "Not ours", day(3)))
        .when(new AssignCase(ID, CLARA, BUERGERAMT, BUERGERAMT, day(4)))
        .expectEvents(new CaseAssigned(ID, CLARA, day(4)));
  }

  @Test
  void forwardingKeepsACaseInProgress() {
    fixture
        .given(submitted(), assigned(), forwarded(BUERGERAMT, ORDNUNGSAMT))
        .when(new DecideCase(ID, approval(), ORDNUNGSAMT, day(3)))
        .expectEvents(new CaseDecided(ID, ANNA, approval(), day(3)));
  }

  @Test
  void refusesForwardingToADepartmentTheCityDoesNotKnow() {
    // a typo would hide the case from every clerk for good
    fixture
        .given(submitted(), assigned())
        .when(
            new ForwardCase(
                ID, new DepartmentCode("ordnugsamt"), "Traffic matter", BUERGERAMT, day(2), false))
        .expectRefusal(Code.UNKNOWN_DEPARTMENT);
  }

  @Test
  void refusesForwardingToTheSameDepartment() {
    fixture
        .given(submitted())
        .when(new ForwardCase(ID, BUERGERAMT, "Misfiled", BUERGERAMT, day(2), true))
        .expectRefusal(Code.SAME_DEPARTMENT);
  }

  @Test
  void refusesForwardingADecidedCase() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(new ForwardCase(ID, ORDNUNGSAMT, "Traffic matter", BUERGERAMT, day(7), true))
        .expectRefusal(Code.NOT_OPEN);
  }

  @Test
  void clerkNotesTheCaseWhileWaitingForTheApplicant() {
    fixture
        .given(submitted(), assigned(), asked(day(2)))
        .when(new AddInternalNote(ID, "Called the applicant", CLARA, BUERGERAMT, day(3)))
        .expectEvents(new InternalNoteAdded(ID, ANNA, CLARA, "Called the applicant", day(3)));
  }

  @Test
  void refusesNotesOnADecidedCase() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(new AddInternalNote(ID, "Afterthought", CLARA, BUERGERAMT, day(7)))
        .expectRefusal(Code.NOT_OPEN);
  }
}
