package de.rathaus.domain.servicerequest;

import static de.rathaus.domain.servicerequest.Cases.*;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A case past its due date is flagged, once, and never while the clock is paused. */
class OverdueTest {

  private CaseFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CaseFixture();
  }

  @Test
  void flagsACaseNobodyTookPastItsDueDate() {
    fixture
        .given(submitted())
        .when(new MarkCaseOverdue(ID, DUE.plusSeconds(1)))
        .expectEvents(new CaseBecameOverdue(ID, DUE, DUE.plusSeconds(1)));
  }

  @Test
  void flagsACaseInProgressPastItsDueDate() {
    fixture
        .given(submitted(), assigned())
        .when(new MarkCaseOverdue(ID, DUE.plus(Duration.ofDays(1))))
        .expectEvents(new CaseBecameOverdue(ID, DUE, DUE.plus(Duration.ofDays(1))));
  }

  @Test
  void refusesTheFlagOnTheDueDateItself() {
    fixture
        .given(submitted(), assigned())
        .when(new MarkCaseOverdue(ID, DUE))
        .expectRefusal(Code.NOT_OVERDUE_YET);
  }

  @Test
  void refusesFlaggingOverdueTwice() {
    fixture
        .given(submitted(), new CaseBecameOverdue(ID, DUE, DUE.plusSeconds(1)))
        .when(new MarkCaseOverdue(ID, DUE.plusSeconds(60)))
        .expectRefusal(Code.ALREADY_OVERDUE);
  }

  @Test
  void pausesTheDeadlineWhileWaitingForTheApplicant() {
    fixture
        .given(submitted(), assigned(), asked(day(10)))
        .when(new MarkCaseOverdue(ID, DUE.plus(Duration.ofDays(3))))
        .expectRefusal(Code.CLOCK_PAUSED);
  }

  @Test
  void refusesTheFlagOnADecidedCase() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(new MarkCaseOverdue(ID, DUE.plus(Duration.ofDays(3))))
        .expectRefusal(Code.NOT_OPEN);
  }

  @Test
  void aLateCaseStaysLateAfterWaitingForTheApplicant() {
    // Flagged on day 15, asked on day 16, answered on day 18: the due date moves to day 16.
    fixture
        .given(
            submitted(),
            assigned(),
            new CaseBecameOverdue(ID, DUE, day(15)),
            asked(day(16)),
            answered(day(18), day(16)))
        .when(new MarkCaseOverdue(ID, day(19)))
        .expectRefusal(Code.ALREADY_OVERDUE);
  }
}
