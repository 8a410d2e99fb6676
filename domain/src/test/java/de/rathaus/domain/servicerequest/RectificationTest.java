package de.rathaus.domain.servicerequest;

import static de.rathaus.domain.servicerequest.Cases.*;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The applicant corrects their contact details (Art. 16 DSGVO) while the request is open. */
class RectificationTest {

  private static final ApplicantContact MOVED =
      new ApplicantContact("Anna Schäfer", "anna@example.net", null, "Allee 3, 74072 Heilbronn");

  private CaseFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CaseFixture();
  }

  private static ApplicantContactRectified rectified(ApplicantContact contact) {
    return new ApplicantContactRectified(
        ID, ANNA, contact.name(), contact.email(), contact.phone(), contact.address(), day(2));
  }

  @Test
  void applicantCorrectsTheirContactOnAnOpenRequest() {
    fixture
        .given(submitted(), assigned())
        .when(new RectifyApplicantContact(ID, ANNA, MOVED, day(2)))
        .expectEvents(rectified(MOVED));
  }

  @Test
  void refusesACorrectionBySomeoneElse() {
    fixture
        .given(submitted())
        .when(new RectifyApplicantContact(ID, BEN, MOVED, day(2)))
        .expectRefusal(Code.NOT_THE_APPLICANT);
  }

  @Test
  void refusesACorrectionOnADecidedRequest() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(new RectifyApplicantContact(ID, ANNA, MOVED, day(7)))
        .expectRefusal(Code.NOT_OPEN);
  }

  @Test
  void refusesACorrectionOnAWithdrawnRequest() {
    fixture
        .given(submitted(), new ServiceRequestWithdrawn(ID, ANNA, null, day(1)))
        .when(new RectifyApplicantContact(ID, ANNA, MOVED, day(2)))
        .expectRefusal(Code.NOT_OPEN);
  }

  @Test
  void refusesRemovingTheNameOfAnApplication() {
    fixture
        .given(submitted())
        .when(
            new RectifyApplicantContact(
                ID, ANNA, new ApplicantContact(null, "anna@example.net", null, null), day(2)))
        .expectRefusal(Code.APPLICANT_NAME_REQUIRED);
  }

  @Test
  void aReportMayBecomeAnonymous() {
    fixture
        .given(submittedReport(KAISERSTRASSE, NAME, EMAIL))
        .when(new RectifyApplicantContact(ID, ANNA, ApplicantContact.none(), day(2)))
        .expectEvents(rectified(ApplicantContact.none()));
  }
}
