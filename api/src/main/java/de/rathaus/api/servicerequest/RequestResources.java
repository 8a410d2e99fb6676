package de.rathaus.api.servicerequest;

import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.domain.servicerequest.ApplicantContact;
import de.rathaus.domain.servicerequest.Location;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The shapes of the requests' HTTP bodies (DESIGN.md section 6). */
final class RequestResources {

  private RequestResources() {}

  record SubmissionInput(
      @NotBlank @Size(max = 63) String serviceCode,
      Map<String, Object> attributes,
      @Size(max = 10_000) String description,
      @Valid LocationInput location,
      @Valid ApplicantInput applicant) {}

  record LocationInput(
      @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
      @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
      @Size(max = 500) String address) {
    Location toDomain() {
      return new Location(lat, lon, address);
    }
  }

  record ApplicantInput(
      @Size(max = 200) String name,
      @Email @Size(max = 254) String email,
      @Size(max = 50) String phone,
      @Size(max = 500) String address) {
    ApplicantContact toDomain() {
      return new ApplicantContact(name, email, phone, address);
    }
  }

  /** The answer to a submission. */
  record Submitted(
      String id, String caseNumber, String status, Instant submittedAt, Instant dueDate) {}

  /** A request as its applicant reads it (no internal notes, no clerk names). */
  record RequestResource(
      String id,
      String caseNumber,
      String serviceCode,
      int serviceVersion,
      String kind,
      String status,
      Instant submittedAt,
      Instant dueDate,
      String department,
      Map<String, Object> attributes,
      String description,
      List<RequestView.TimelineEntry> timeline,
      List<RequestView.Question> informationRequests,
      RequestView.Outcome decision,
      String withdrawalReason) {

    static RequestResource of(RequestView v) {
      return new RequestResource(
          v.id(),
          v.caseNumber(),
          v.serviceCode(),
          v.serviceVersion(),
          v.kind(),
          v.status(),
          v.submittedAt(),
          v.dueDate(),
          v.department(),
          v.attributes(),
          v.description(),
          v.timeline(),
          v.informationRequests(),
          v.decision(),
          v.withdrawalReason());
    }
  }
}
