package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A citizen's request or report was received: the case exists, with its case number, the service
 * version it was submitted against, the department responsible and the due date ({@code
 * submittedAt} plus the service's processing target in calendar days).
 *
 * <p>Where it is: a report's {@code location} (coordinates of an issue in public space, kept public
 * so that the report stays usable; its address is personal), or an application's {@code
 * privateLocation} (the place an application concerns, such as a tree in a garden, can identify the
 * applicant, so all of it is personal). At most one of the two is set.
 *
 * <p>Personal data: the attribute values, the description, the private location and the four {@code
 * applicant…} fields (flat strings, so that field-level encryption can wrap each one). None of it
 * is in {@link #toString()}.
 */
@Revision("2")
public record ServiceRequestSubmitted(
    ServiceRequestId id,
    CaseNumber caseNumber,
    @DataSubject CitizenId applicant,
    ServiceCode serviceCode,
    int serviceVersion,
    DepartmentCode department,
    RequestKind kind,
    @PersonalData Map<String, Object> attributes,
    @PersonalData String description,
    Location location,
    @PersonalData Location privateLocation,
    @PersonalData String applicantName,
    @PersonalData String applicantEmail,
    @PersonalData String applicantPhone,
    @PersonalData String applicantAddress,
    int processingDays,
    Instant submittedAt,
    Instant dueDate) {

  public ServiceRequestSubmitted {
    attributes = attributes == null ? Map.of() : attributes;
  }

  @Override
  public String toString() {
    return ("ServiceRequestSubmitted[id=%s, caseNumber=%s, serviceCode=%s, serviceVersion=%d,"
            + " department=%s, kind=%s, submittedAt=%s, dueDate=%s]")
        .formatted(
            id, caseNumber, serviceCode, serviceVersion, department, kind, submittedAt, dueDate);
  }
}
