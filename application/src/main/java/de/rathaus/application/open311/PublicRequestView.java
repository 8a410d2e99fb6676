package de.rathaus.application.open311;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;
import java.util.Map;

/**
 * A request as the public sees it through Open311: only what is public. For reports ({@link
 * RequestKind#REPORT}) the coordinates of the issue, the service, the status and its dates, and the
 * description where the reporter agreed to publish it ({@value #PUBLISH_DESCRIPTION}); for
 * applications ({@link RequestKind#REQUEST}) only the service, the status and its dates. Never a
 * name, an e-mail address, a phone number, an address, a clerk's note or a decision's reasoning:
 * this record has no place for them.
 *
 * <p>The published description is still the reporter's own words: it is kept encrypted under their
 * key ({@code subject}, a pseudonymous id that is never shown) and dropped when their data is
 * erased.
 *
 * @param id the request's id (also the token of a batch submission)
 * @param caseNumber the case number: Open311's {@code service_request_id}
 * @param department the department responsible (Open311's {@code agency_responsible})
 * @param updatedAt when the public status last changed
 * @param expectedAt the due date (Open311's {@code expected_datetime})
 * @param lat the latitude of a reported issue, {@code null} for applications
 * @param lon the longitude of a reported issue, {@code null} for applications
 * @param subject whose words a published description is
 * @param description the description, only where the reporter agreed to publish it
 * @param sequence the last event of the request this view applied
 */
public record PublicRequestView(
    String id,
    String caseNumber,
    String serviceCode,
    RequestKind kind,
    String department,
    RequestStatus status,
    Instant requestedAt,
    Instant updatedAt,
    Instant expectedAt,
    Double lat,
    Double lon,
    @DataSubject CitizenId subject,
    @PersonalData String description,
    long sequence)
    implements Versioned<PublicRequestView> {

  /**
   * The attribute of report services by which the reporter agrees to publish the description: a
   * single choice whose key {@value #AGREED} means yes; absent or anything else means no.
   */
  public static final String PUBLISH_DESCRIPTION = "publish_description";

  /** The choice of {@value #PUBLISH_DESCRIPTION} that agrees. */
  public static final String AGREED = "true";

  /** The public view of a request just submitted. */
  public static PublicRequestView submitted(ServiceRequestSubmitted e) {
    boolean report = e.kind() == RequestKind.REPORT;
    Location at = report ? e.location() : null;
    return new PublicRequestView(
        e.id().value(),
        e.caseNumber().value(),
        e.serviceCode().value(),
        e.kind(),
        e.department().value(),
        RequestStatus.SUBMITTED,
        e.submittedAt(),
        e.submittedAt(),
        e.dueDate(),
        at == null ? null : at.lat(),
        at == null ? null : at.lon(),
        e.applicant(),
        report && agreed(e.attributes()) ? blankToNull(e.description()) : null,
        0);
  }

  /** Whether the reporter chose to publish the description. */
  static boolean agreed(Map<String, Object> attributes) {
    return attributes != null && AGREED.equals(attributes.get(PUBLISH_DESCRIPTION));
  }

  /** Whether the request is still being worked on (Open311's {@code open}). */
  public boolean open() {
    return status.isOpen();
  }

  /** The view with a new status since {@code at}. */
  public PublicRequestView moved(RequestStatus next, Instant at) {
    return new PublicRequestView(
        id,
        caseNumber,
        serviceCode,
        kind,
        department,
        next,
        requestedAt,
        at,
        expectedAt,
        lat,
        lon,
        subject,
        description,
        sequence);
  }

  /** The view with another due date (or the same one), as of {@code at}. */
  public PublicRequestView due(Instant dueDate, Instant at) {
    return new PublicRequestView(
        id,
        caseNumber,
        serviceCode,
        kind,
        department,
        status,
        requestedAt,
        at,
        dueDate == null ? expectedAt : dueDate,
        lat,
        lon,
        subject,
        description,
        sequence);
  }

  /** The view after the case went to another department. */
  public PublicRequestView handledBy(String otherDepartment, Instant at) {
    return new PublicRequestView(
        id,
        caseNumber,
        serviceCode,
        kind,
        otherDepartment,
        status,
        requestedAt,
        at,
        expectedAt,
        lat,
        lon,
        subject,
        description,
        sequence);
  }

  /** The view without the published description (its author's data was erased). */
  public PublicRequestView withoutDescription() {
    return new PublicRequestView(
        id,
        caseNumber,
        serviceCode,
        kind,
        department,
        status,
        requestedAt,
        updatedAt,
        expectedAt,
        lat,
        lon,
        subject,
        null,
        sequence);
  }

  @Override
  public PublicRequestView atSequence(long sequence) {
    return new PublicRequestView(
        id,
        caseNumber,
        serviceCode,
        kind,
        department,
        status,
        requestedAt,
        updatedAt,
        expectedAt,
        lat,
        lon,
        subject,
        description,
        sequence);
  }

  /** Without the description and the subject. */
  @Override
  public String toString() {
    return "PublicRequestView[id=%s, caseNumber=%s, serviceCode=%s, kind=%s, status=%s]"
        .formatted(id, caseNumber, serviceCode, kind, status);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
