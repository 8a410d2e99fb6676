package de.rathaus.domain.servicerequest;

import static de.rathaus.domain.servicerequest.Cases.*;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubmissionTest {

  private CaseFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CaseFixture();
  }

  @Test
  void submissionOpensACaseDueAfterTheProcessingTargetInCalendarDays() {
    fixture.givenNoPriorActivity().when(submitApplication()).expectEvents(submitted());
  }

  @Test
  void dueDateCountsWeekendsAsCalendarDays() {
    // Friday 2026-03-06 noon + 3 days = Monday noon, weekend included.
    Instant friday = Instant.parse("2026-03-06T12:00:00Z");
    fixture
        .givenNoPriorActivity()
        .when(submitApplication(3, friday))
        .expectEvents(submitted(3, friday, Instant.parse("2026-03-09T12:00:00Z")));
  }

  @Test
  void refusesAReportWithoutLocation() {
    fixture
        .givenNoPriorActivity()
        .when(submit(RequestKind.REPORT, null, CONTACT))
        .expectRefusal(Code.LOCATION_REQUIRED);
  }

  @Test
  void keepsTheCoordinatesOfAReportPublic() {
    fixture
        .givenNoPriorActivity()
        .when(submit(RequestKind.REPORT, KAISERSTRASSE, CONTACT))
        .expectEvents(submittedReport(KAISERSTRASSE, NAME, EMAIL));
  }

  @Test
  void acceptsAReportLocatedByItsAddressAlone() {
    Location address = Location.ofAddress("Kaiserstraße 12, Heilbronn");
    fixture
        .givenNoPriorActivity()
        .when(submit(RequestKind.REPORT, address, CONTACT))
        .expectEvents(submittedReport(address, NAME, EMAIL));
  }

  @Test
  void keepsTheAddressAloneOfAnApplicationPersonal() {
    Location address = Location.ofAddress("Kaiserstraße 12, Heilbronn");
    fixture
        .givenNoPriorActivity()
        .when(submit(RequestKind.REQUEST, address, CONTACT))
        .expectEvents(submittedApplicationAt(address));
  }

  @Test
  void keepsTheLocationOfAnApplicationPersonal() {
    // the place an application concerns (a tree in a garden) can identify the applicant
    fixture
        .givenNoPriorActivity()
        .when(submit(RequestKind.REQUEST, KAISERSTRASSE, CONTACT))
        .expectEvents(submittedApplicationAt(KAISERSTRASSE));
  }

  @Test
  void acceptsAnApplicationWithoutLocation() {
    fixture.givenNoPriorActivity().when(submitApplication()).expectEvents(submitted());
  }

  @Test
  void refusesAnApplicationWithoutTheApplicantsName() {
    fixture
        .givenNoPriorActivity()
        .when(submit(RequestKind.REQUEST, null, new ApplicantContact(" ", EMAIL, PHONE, ADDRESS)))
        .expectRefusal(Code.APPLICANT_NAME_REQUIRED);
  }

  @Test
  void acceptsAnAnonymousReport() {
    fixture
        .givenNoPriorActivity()
        .when(submit(RequestKind.REPORT, KAISERSTRASSE, ApplicantContact.none()))
        .expectEvents(submittedReport(KAISERSTRASSE, null, null));
  }
}
