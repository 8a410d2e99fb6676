package de.rathaus.domain.servicerequest;

import static de.rathaus.domain.servicerequest.Cases.*;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Only clerks of the department that handles the case may process it, and only the applicant may
 * answer or withdraw. Who acts is checked before the state, so nobody else learns anything about
 * the case from a refusal.
 */
class AuthorizationTest {

  private CaseFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CaseFixture();
  }

  /**
   * Every clerk command, from the Ordnungsamt, on a Bürgeramt case where it would otherwise pass.
   */
  static Stream<Object[]> clerkCommandsOfAnotherDepartment() {
    Object[] inProgress = {submitted(), assigned()};
    Object[] waiting = {submitted(), assigned(), asked(day(2))};
    Object[] decided = {submitted(), assigned(), decided()};
    return Stream.of(
        new Object[] {
          inProgress, new AssignCase(ID, new ClerkId("carl"), ORDNUNGSAMT, ORDNUNGSAMT, day(3))
        },
        new Object[] {
          inProgress, new ForwardCase(ID, ORDNUNGSAMT, "Ours now", ORDNUNGSAMT, day(3), true)
        },
        new Object[] {
          inProgress,
          new RequestInformation(ID, QUESTION, "Which car?", day(9), ORDNUNGSAMT, day(3))
        },
        new Object[] {
          waiting, new CancelInformationRequest(ID, QUESTION, "No", ORDNUNGSAMT, day(3))
        },
        new Object[] {
          inProgress, new AddInternalNote(ID, "Peek", new ClerkId("carl"), ORDNUNGSAMT, day(3))
        },
        new Object[] {inProgress, new DecideCase(ID, approval(), ORDNUNGSAMT, day(3))},
        new Object[] {decided, new CloseCase(ID, ORDNUNGSAMT, day(8))});
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("clerkCommandsOfAnotherDepartment")
  void refusesClerkOfAnotherDepartment(Object[] history, Object command) {
    fixture.given(history).when(command).expectRefusal(Code.NOT_YOUR_DEPARTMENT);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("clerkCommandsOfAnotherDepartment")
  void refusesClerkOfAnotherDepartmentEvenWhenTheCaseIsClosed(Object[] ignored, Object command) {
    fixture
        .given(submitted(), assigned(), decided(), new CaseClosed(ID, day(8)))
        .when(command)
        .expectRefusal(Code.NOT_YOUR_DEPARTMENT);
  }

  static Stream<Object> applicantCommandsBySomeoneElse() {
    return Stream.of(
        new AnswerInformationRequest(ID, BEN, "Hello", day(9)),
        new WithdrawServiceRequest(ID, BEN, null, day(9)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("applicantCommandsBySomeoneElse")
  void refusesSomeoneElseEvenWhenTheCaseIsClosed(Object command) {
    fixture
        .given(submitted(), assigned(), decided(), new CaseClosed(ID, day(8)))
        .when(command)
        .expectRefusal(Code.NOT_THE_APPLICANT);
  }
}
