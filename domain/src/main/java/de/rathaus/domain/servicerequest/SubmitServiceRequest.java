package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A citizen submits a request (Antrag) or report online. The application layer has looked up the
 * published service definition and validated the attribute values against it; it passes on what the
 * case needs from the definition: code, version, responsible department, kind and processing target
 * in days.
 *
 * <p>Attribute values are JSON-like ({@code String}, {@code Number}, {@code Boolean}, lists of
 * those); the description, the contact and the attribute values are personal data.
 */
public record SubmitServiceRequest(
    @TargetAggregateIdentifier ServiceRequestId id,
    CaseNumber caseNumber,
    CitizenId applicant,
    ServiceCode serviceCode,
    int serviceVersion,
    DepartmentCode department,
    RequestKind kind,
    Map<String, Object> attributes,
    String description,
    Location location,
    ApplicantContact contact,
    int processingDays,
    Instant submittedAt) {

  public SubmitServiceRequest {
    require(id, "id");
    require(caseNumber, "caseNumber");
    require(applicant, "applicant");
    require(serviceCode, "serviceCode");
    require(department, "department");
    require(kind, "kind");
    require(submittedAt, "submittedAt");
    if (serviceVersion < 1) {
      throw new IllegalArgumentException("The service version starts at 1");
    }
    if (processingDays < 1) {
      throw new IllegalArgumentException("The processing target is at least one day");
    }
    attributes = copyOf(attributes);
    description = description == null || description.isBlank() ? null : description;
    contact = contact == null ? ApplicantContact.none() : contact;
  }

  static Map<String, Object> copyOf(Map<String, Object> attributes) {
    if (attributes == null) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    attributes.forEach(
        (code, value) -> {
          // A missing optional attribute is left out, not null.
          if (code == null || value == null) {
            throw new IllegalArgumentException("Attribute codes and values are required");
          }
          copy.put(code, value);
        });
    return Collections.unmodifiableMap(copy);
  }

  private static void require(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  @Override
  public String toString() {
    return "SubmitServiceRequest[id=%s, caseNumber=%s, serviceCode=%s, serviceVersion=%d, kind=%s]"
        .formatted(id, caseNumber, serviceCode, serviceVersion, kind);
  }
}
