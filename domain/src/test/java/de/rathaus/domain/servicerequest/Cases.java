package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A case of the Bürgeramt for a residents' parking permit, and the events of its life. */
final class Cases {

  static final ServiceRequestId ID = new ServiceRequestId("5f0c2d1e-0000-4000-8000-000000000001");
  static final CaseNumber CASE_NUMBER = CaseNumber.of("HN", 2026, 123);
  static final CitizenId ANNA = new CitizenId("anna");
  static final CitizenId BEN = new CitizenId("ben");
  static final DepartmentCode BUERGERAMT = new DepartmentCode("buergeramt");
  static final DepartmentCode ORDNUNGSAMT = new DepartmentCode("ordnungsamt");
  static final ClerkId CLARA = new ClerkId("clara");
  static final ClerkId CLEMENS = new ClerkId("clemens");
  static final ServiceCode PARKING = new ServiceCode("bewohnerparkausweis");
  static final InformationRequestId QUESTION = new InformationRequestId("q-1");

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final int PROCESSING_DAYS = 14;
  static final Instant DUE = T0.plus(Duration.ofDays(PROCESSING_DAYS));

  static final String NAME = "Anna Schäfer";
  static final String EMAIL = "anna.schaefer@example.org";
  static final String PHONE = "+49 7131 123456";
  static final String ADDRESS = "Kaiserstraße 12, 74072 Heilbronn";
  static final String DESCRIPTION = "Second car, plate HN-AS 123";
  static final Map<String, Object> ATTRIBUTES = Map.of("licensePlate", "HN-AS 123");
  static final ApplicantContact CONTACT = new ApplicantContact(NAME, EMAIL, PHONE, ADDRESS);
  static final Location KAISERSTRASSE = new Location(49.1427, 9.2109, "Kaiserstraße 12");

  private Cases() {}

  static Instant day(double days) {
    return T0.plus(Duration.ofMillis((long) (days * 24 * 3600 * 1000)));
  }

  static SubmitServiceRequest submit(
      RequestKind kind, Location location, ApplicantContact contact) {
    return new SubmitServiceRequest(
        ID,
        CASE_NUMBER,
        ANNA,
        PARKING,
        3,
        BUERGERAMT,
        kind,
        ATTRIBUTES,
        DESCRIPTION,
        location,
        contact,
        PROCESSING_DAYS,
        T0);
  }

  static SubmitServiceRequest submitApplication() {
    return submit(RequestKind.REQUEST, null, CONTACT);
  }

  static SubmitServiceRequest submitApplication(int processingDays, Instant at) {
    return new SubmitServiceRequest(
        ID,
        CASE_NUMBER,
        ANNA,
        PARKING,
        3,
        BUERGERAMT,
        RequestKind.REQUEST,
        ATTRIBUTES,
        DESCRIPTION,
        null,
        CONTACT,
        processingDays,
        at);
  }

  static ServiceRequestSubmitted submitted() {
    return submitted(PROCESSING_DAYS, T0, DUE);
  }

  static ServiceRequestSubmitted submitted(int processingDays, Instant at, Instant dueDate) {
    return new ServiceRequestSubmitted(
        ID,
        CASE_NUMBER,
        ANNA,
        PARKING,
        3,
        BUERGERAMT,
        RequestKind.REQUEST,
        ATTRIBUTES,
        DESCRIPTION,
        null,
        null,
        NAME,
        EMAIL,
        PHONE,
        ADDRESS,
        processingDays,
        at,
        dueDate);
  }

  /** A report: its coordinates public, the contact as given. */
  static ServiceRequestSubmitted submittedReport(Location location, String name, String email) {
    return new ServiceRequestSubmitted(
        ID,
        CASE_NUMBER,
        ANNA,
        PARKING,
        3,
        BUERGERAMT,
        RequestKind.REPORT,
        ATTRIBUTES,
        DESCRIPTION,
        location,
        null,
        name,
        email,
        name == null ? null : PHONE,
        name == null ? null : ADDRESS,
        PROCESSING_DAYS,
        T0,
        DUE);
  }

  /** An application concerning a place: the whole location is the applicant's personal data. */
  static ServiceRequestSubmitted submittedApplicationAt(Location location) {
    return new ServiceRequestSubmitted(
        ID,
        CASE_NUMBER,
        ANNA,
        PARKING,
        3,
        BUERGERAMT,
        RequestKind.REQUEST,
        ATTRIBUTES,
        DESCRIPTION,
        null,
        location,
        NAME,
        EMAIL,
        PHONE,
        ADDRESS,
        PROCESSING_DAYS,
        T0,
        DUE);
  }

  static InformationRequestCancelled cancelled(String reason, Instant newDueDate, Instant at) {
    return new InformationRequestCancelled(ID, ANNA, QUESTION, reason, newDueDate, at);
  }

  static CaseAssigned assigned() {
    return new CaseAssigned(ID, CLARA, day(1));
  }

  static InformationRequested asked(Instant at) {
    return new InformationRequested(
        ID,
        ANNA,
        QUESTION,
        "Please send the vehicle registration",
        at.plus(Duration.ofDays(14)),
        at);
  }

  static InformationRequestAnswered answered(Instant at, Instant newDueDate) {
    return new InformationRequestAnswered(ID, QUESTION, ANNA, "Attached", newDueDate, at);
  }

  static CaseDecided decided() {
    return new CaseDecided(ID, ANNA, approval(), day(6));
  }

  static Decision approval() {
    return new Decision(DecisionOutcome.APPROVED, "All conditions met", "§ 45 Abs. 1b StVO");
  }

  static CaseForwarded forwarded(DepartmentCode from, DepartmentCode to) {
    return new CaseForwarded(ID, ANNA, from, to, "Traffic matter", day(2));
  }
}
