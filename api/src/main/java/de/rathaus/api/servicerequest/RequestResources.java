package de.rathaus.api.servicerequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.servicerequest.TimelineStep;
import de.rathaus.domain.servicerequest.ApplicantContact;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.ObjectionOutcome;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.RequestStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The shapes of the requests' and cases' HTTP bodies (docs/design.md section 6). */
public final class RequestResources {

  private RequestResources() {}

  record SubmissionInput(
      @NotBlank @Size(max = 63) String serviceCode,
      Map<String, Object> attributes,
      @Size(max = 10_000) String description,
      @Valid RequestLocationInput location,
      @Valid ApplicantInput applicant) {}

  /**
   * Where: {@code lat} and {@code lon} together, an {@code address}, or both (as Open311's {@code
   * lat}/{@code long} or {@code address_string}). An address alone is not geocoded: the clerk reads
   * it.
   */
  record RequestLocationInput(
      @DecimalMin("-90") @DecimalMax("90") Double lat,
      @DecimalMin("-180") @DecimalMax("180") Double lon,
      @Size(max = 500) String address) {
    Location toDomain() {
      return new Location(lat, lon, address);
    }

    /** Both coordinates or neither. */
    @AssertTrue(message = "lat and lon are given together")
    @Schema(hidden = true)
    boolean isCoordinatesTogether() {
      return (lat == null) == (lon == null);
    }

    /** Coordinates, an address, or both. */
    @AssertTrue(message = "a location has lat and lon, or an address")
    @Schema(hidden = true)
    boolean isPlaced() {
      return lat != null || (address != null && !address.isBlank());
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
  /**
   * The answer to a submission.
   *
   * @param position the submission's position in the history (its leaf is position − 1)
   * @param leafHash the submission's leaf hash in the tamper-evident log, base64: the receipt
   *     ({@code GET /api/v1/requests/{id}/receipt}) proves it once a checkpoint covers it
   */
  record Submitted(
      String id,
      String caseNumber,
      RequestStatus status,
      Instant submittedAt,
      Instant dueDate,
      Long position,
      String leafHash) {}

  /**
   * Where a report's issue is, or what an application concerns; {@code lat} and {@code lon} null
   * for a location given by its address alone.
   */
  record RequestLocationResource(Double lat, Double lon, String address) {
    static RequestLocationResource of(Location report, Location application) {
      Location location = report != null ? report : application;
      return location == null
          ? null
          : new RequestLocationResource(location.lat(), location.lon(), location.address());
    }
  }

  record TimelineEntryResource(TimelineStep type, RequestStatus status, Instant at) {}

  record QuestionResource(
      String id,
      String question,
      Instant answerDueDate,
      RequestView.QuestionState state,
      String answer,
      Instant answeredAt,
      boolean overdue) {}

  /**
   * The applicant's objection and, once decided, the office's answer ({@code outcome}, {@code
   * reasoning} and {@code decidedAt} null while pending).
   */
  record ObjectionResource(
      String reasons,
      List<String> attachments,
      Instant filedAt,
      Instant dueDate,
      ObjectionOutcome outcome,
      String reasoning,
      Instant decidedAt) {}

  record DecisionResource(
      DecisionOutcome outcome, String reasoning, String legalBasis, Instant at) {}

  /** A request as its applicant reads it (no internal notes, no clerk names). */
  record RequestResource(
      String id,
      String caseNumber,
      String serviceCode,
      int serviceVersion,
      RequestKind kind,
      RequestStatus status,
      Instant submittedAt,
      Instant dueDate,
      boolean overdue,
      String department,
      Map<String, Object> attributes,
      String description,
      RequestLocationResource location,
      List<TimelineEntryResource> timeline,
      List<QuestionResource> informationRequests,
      DecisionResource decision,
      String withdrawalReason,
      ObjectionResource objection) {

    static RequestResource of(RequestView v) {
      return new RequestResource(
          v.id().value(),
          v.caseNumber().value(),
          v.serviceCode().value(),
          v.serviceVersion(),
          v.kind(),
          v.status(),
          v.submittedAt(),
          v.dueDate(),
          v.overdue(),
          v.department().value(),
          v.attributes(),
          v.description(),
          RequestLocationResource.of(v.location(), v.privateLocation()),
          timelineOf(v),
          questionsOf(v),
          decisionOf(v),
          v.withdrawalReason(),
          objectionOf(v));
    }
  }

  record ContactResource(String name, String email, String phone, String address) {}

  record NoteResource(String author, String text, Instant at) {}

  /** A case as the clerks of its department read it: the request plus the internal parts. */
  public record CaseResource(
      String id,
      String caseNumber,
      String serviceCode,
      int serviceVersion,
      RequestKind kind,
      RequestStatus status,
      Instant submittedAt,
      Instant dueDate,
      boolean overdue,
      String department,
      String assignee,
      String applicant,
      ContactResource contact,
      Map<String, Object> attributes,
      String description,
      RequestLocationResource location,
      List<TimelineEntryResource> timeline,
      List<QuestionResource> informationRequests,
      List<NoteResource> notes,
      DecisionResource decision,
      String withdrawalReason,
      ObjectionResource objection) {

    public static CaseResource of(CaseView c) {
      RequestView v = c.request();
      CaseView.Contact contact = c.contact();
      return new CaseResource(
          v.id().value(),
          v.caseNumber().value(),
          v.serviceCode().value(),
          v.serviceVersion(),
          v.kind(),
          v.status(),
          v.submittedAt(),
          v.dueDate(),
          v.overdue(),
          v.department().value(),
          c.assignee() == null ? null : c.assignee().value(),
          c.applicant().value(),
          contact == null
              ? null
              : new ContactResource(
                  contact.name(), contact.email(), contact.phone(), contact.address()),
          v.attributes(),
          v.description(),
          RequestLocationResource.of(v.location(), v.privateLocation()),
          timelineOf(v),
          questionsOf(v),
          c.notes().stream()
              .map(n -> new NoteResource(n.author().value(), n.text(), n.at()))
              .toList(),
          decisionOf(v),
          v.withdrawalReason(),
          objectionOf(v));
    }
  }

  /** The answer to a forwarding: the case is now the other department's. */
  record Forwarded(String id, String department) {}

  /** A page of the applicant's requests; {@code next} is the URL of the next page, or null. */
  record RequestPage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<RequestResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  /** A page of a department's queue; {@code next} is the URL of the next page, or null. */
  record CasePage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<CaseResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  private static List<TimelineEntryResource> timelineOf(RequestView v) {
    return v.timeline().stream()
        .map(t -> new TimelineEntryResource(t.type(), t.status(), t.at()))
        .toList();
  }

  private static List<QuestionResource> questionsOf(RequestView v) {
    return v.informationRequests().stream()
        .map(
            q ->
                new QuestionResource(
                    q.id().value(),
                    q.question(),
                    q.answerDueDate(),
                    q.state(),
                    q.answer(),
                    q.answeredAt(),
                    q.overdue()))
        .toList();
  }

  private static ObjectionResource objectionOf(RequestView v) {
    RequestView.Objection o = v.objection();
    return o == null
        ? null
        : new ObjectionResource(
            o.reasons(),
            o.attachments().stream().map(a -> a.value()).toList(),
            o.filedAt(),
            o.dueDate(),
            o.outcome(),
            o.reasoning(),
            o.decidedAt());
  }

  private static DecisionResource decisionOf(RequestView v) {
    return v.decision() == null
        ? null
        : new DecisionResource(
            v.decision().outcome(),
            v.decision().reasoning(),
            v.decision().legalBasis(),
            v.decision().at());
  }
}
