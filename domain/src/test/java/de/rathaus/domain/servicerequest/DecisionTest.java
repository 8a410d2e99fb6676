package de.rathaus.domain.servicerequest;

import static de.rathaus.domain.servicerequest.Cases.*;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How a case ends: decided and closed, or withdrawn by the applicant. */
class DecisionTest {

  private CaseFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CaseFixture();
  }

  @Test
  void clerkDecidesACaseInProgress() {
    fixture
        .given(submitted(), assigned())
        .when(new DecideCase(ID, approval(), BUERGERAMT, day(6)))
        .expectEvents(decided());
  }

  @Test
  void refusesADecisionBeforeTheCaseIsTaken() {
    fixture
        .given(submitted())
        .when(new DecideCase(ID, approval(), BUERGERAMT, day(6)))
        .expectRefusal(Code.NOT_IN_PROGRESS);
  }

  @Test
  void refusesADecisionWhileWaitingForTheApplicant() {
    fixture
        .given(submitted(), assigned(), asked(day(2)))
        .when(new DecideCase(ID, approval(), BUERGERAMT, day(6)))
        .expectRefusal(Code.NOT_IN_PROGRESS);
  }

  @Test
  void refusesASecondDecision() {
    Decision rejection = new Decision(DecisionOutcome.REJECTED, "Changed mind", "§ 48 VwVfG");
    fixture
        .given(submitted(), assigned(), decided())
        .when(new DecideCase(ID, rejection, BUERGERAMT, day(7)))
        .expectRefusal(Code.NOT_IN_PROGRESS);
  }

  @Test
  void clerkClosesADecidedCase() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(new CloseCase(ID, BUERGERAMT, day(8)))
        .expectEvents(new CaseClosed(ID, day(8)));
  }

  @Test
  void refusesClosingAnUndecidedCase() {
    fixture
        .given(submitted(), assigned())
        .when(new CloseCase(ID, BUERGERAMT, day(8)))
        .expectRefusal(Code.NOT_DECIDED);
  }

  @Test
  void refusesClosingTwice() {
    fixture
        .given(submitted(), assigned(), decided(), new CaseClosed(ID, day(8)))
        .when(new CloseCase(ID, BUERGERAMT, day(9)))
        .expectRefusal(Code.NOT_DECIDED);
  }

  static Stream<Object[]> openCases() {
    return Stream.of(
        new Object[] {RequestStatus.SUBMITTED, new Object[] {submitted()}},
        new Object[] {RequestStatus.IN_PROGRESS, new Object[] {submitted(), assigned()}},
        new Object[] {
          RequestStatus.WAITING_FOR_APPLICANT, new Object[] {submitted(), assigned(), asked(day(2))}
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openCases")
  void applicantWithdrawsAnOpenCase(RequestStatus status, Object[] history) {
    fixture
        .given(history)
        .when(new WithdrawServiceRequest(ID, ANNA, "Moved away", day(3)))
        .expectEvents(new ServiceRequestWithdrawn(ID, ANNA, "Moved away", day(3)));
  }

  @Test
  void rejectsWithdrawalAfterDecision() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(new WithdrawServiceRequest(ID, ANNA, null, day(7)))
        .expectRefusal(Code.NOT_OPEN);
  }

  @Test
  void rejectsWithdrawingTwice() {
    fixture
        .given(submitted(), new ServiceRequestWithdrawn(ID, ANNA, null, day(1)))
        .when(new WithdrawServiceRequest(ID, ANNA, null, day(2)))
        .expectRefusal(Code.NOT_OPEN);
  }

  @Test
  void refusesWithdrawalBySomeoneElse() {
    fixture
        .given(submitted())
        .when(new WithdrawServiceRequest(ID, BEN, null, day(1)))
        .expectRefusal(Code.NOT_THE_APPLICANT);
  }
}
