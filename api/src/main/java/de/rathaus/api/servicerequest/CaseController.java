package de.rathaus.api.servicerequest;

import de.rathaus.api.servicerequest.RequestResources.CasePage;
import de.rathaus.api.servicerequest.RequestResources.CaseResource;
import de.rathaus.api.servicerequest.RequestResources.Forwarded;
import de.rathaus.api.shared.Choices;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.OneOf;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.shared.PlausibleDate;
import de.rathaus.api.shared.Refusals;
import de.rathaus.application.servicerequest.CaseQueuePage;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.ObjectionOutcome;
import de.rathaus.domain.servicerequest.RequestStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clerks' work: their department's queue and cases, and what they do with a case. A case of
 * another department is 404. Every action answers once the case shows it (read-your-writes).
 */
@RestController
@RequestMapping("/api/v1/cases")
public class CaseController {

  private final CaseDesk desk;

  public CaseController(CaseDesk desk) {
    this.desk = desk;
  }

  record Assignment(@NotBlank @Size(max = 100) String assignee) {}

  record Forwarding(
      @NotBlank @Size(max = 63) String department, @NotBlank @Size(max = 2_000) String reason) {}

  record InformationRequestInput(
      @NotBlank @Size(max = 5_000) String question, @NotNull @PlausibleDate LocalDate dueDate) {}

  record CancellationInput(@NotBlank @Size(max = 2_000) String reason) {}

  record NoteInput(@NotBlank @Size(max = 10_000) String text) {}

  record DecisionInput(
      @NotBlank @OneOf(value = DecisionOutcome.class, written = OneOf.Written.ANY_CASE)
          String outcome,
      @NotBlank @Size(max = 20_000) String reasoning,
      @NotBlank @Size(max = 1_000) String legalBasis) {}

  record ObjectionDecisionInput(
      @NotBlank @OneOf(value = ObjectionOutcome.class, written = OneOf.Written.ANY_CASE)
          String outcome,
      @NotBlank @Size(max = 20_000) String reasoning) {}

  /**
   * The department's queue, oldest due date first, a page at a time. A clerk whose sign-in names no
   * department has no queue (404, as for a case of another department). Searches find only the
   * department's cases: {@code caseNumber} the case of that number, {@code applicantName} the cases
   * whose applicant's name holds every word given (case, accents, {@code ß}/{@code ss} and hyphens
   * do not matter; whole words only); each case a name search lists is in its applicant's access
   * log.
   */
  @GetMapping
  @Refusals(404)
  public CasePage queue(
      Authentication caller,
      @RequestParam(required = false)
          @OneOf(value = RequestStatus.class, written = OneOf.Written.ANY_CASE)
          String status,
      @RequestParam(required = false) @Size(max = 100) String assignee,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Boolean answerOverdue,
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) @Size(max = 40) String caseNumber,
      @RequestParam(required = false) @Size(max = 200) String applicantName) {
    CaseQueuePage page =
        desk.queue(
            caller,
            new CaseDesk.Filter(
                status == null ? null : Choices.of(RequestStatus.class, "status", status),
                assignee,
                overdue,
                answerOverdue,
                cursor,
                size,
                caseNumber,
                applicantName));
    return new CasePage(
        page.items().stream().map(CaseResource::of).toList(), PageLinks.next(page.next()));
  }

  @GetMapping("/{id}")
  public CaseResource one(@PathVariable String id, Authentication caller) {
    return desk.one(id, caller).map(CaseResource::of).orElseThrow(NotFound::new);
  }

  /** A clerk of the department takes the case or hands it to a colleague of the department. */
  @PostMapping("/{id}/assignment")
  @Refusals({409, 422})
  public CaseResource assign(
      @PathVariable String id, @Valid @RequestBody Assignment input, Authentication caller) {
    return CaseResource.of(desk.assign(id, input.assignee(), caller));
  }

  /** Passes the case to the responsible department; this clerk no longer sees it afterwards. */
  @PostMapping("/{id}/forwarding")
  @Refusals({409, 422})
  public Forwarded forward(
      @PathVariable String id, @Valid @RequestBody Forwarding input, Authentication caller) {
    desk.forward(id, input.department(), input.reason(), caller);
    return new Forwarded(id, input.department());
  }

  @PostMapping("/{id}/information-requests")
  @Refusals({409, 422})
  public CaseResource requestInformation(
      @PathVariable String id,
      @Valid @RequestBody InformationRequestInput input,
      Authentication caller) {
    return CaseResource.of(desk.requestInformation(id, input.question(), input.dueDate(), caller));
  }

  /**
   * Stops waiting for the applicant's answer to the open question (for example, it came by post).
   */
  @PostMapping("/{id}/information-requests/{irId}/cancellation")
  @Refusals(409)
  public CaseResource cancelInformationRequest(
      @PathVariable String id,
      @PathVariable @Size(max = 100) String irId,
      @Valid @RequestBody CancellationInput input,
      Authentication caller) {
    return CaseResource.of(desk.cancelInformationRequest(id, irId, input.reason(), caller));
  }

  @PostMapping("/{id}/notes")
  @Refusals(409)
  public CaseResource note(
      @PathVariable String id, @Valid @RequestBody NoteInput input, Authentication caller) {
    return CaseResource.of(desk.note(id, input.text(), caller));
  }

  @PostMapping("/{id}/decision")
  @Refusals(409)
  public CaseResource decide(
      @PathVariable String id, @Valid @RequestBody DecisionInput input, Authentication caller) {
    DecisionOutcome outcome = Choices.of(DecisionOutcome.class, "outcome", input.outcome());
    return CaseResource.of(
        desk.decide(id, new Decision(outcome, input.reasoning(), input.legalBasis()), caller));
  }

  /**
   * Decides the pending objection: {@code OBJECTION_UPHELD} (the office remedies its decision) or
   * {@code OBJECTION_REJECTED}, with reasons; the case is decided again and can be closed.
   */
  @PostMapping("/{id}/objection-decision")
  @Refusals(409)
  public CaseResource decideObjection(
      @PathVariable String id,
      @Valid @RequestBody ObjectionDecisionInput input,
      Authentication caller) {
    ObjectionOutcome outcome = Choices.of(ObjectionOutcome.class, "outcome", input.outcome());
    return CaseResource.of(desk.decideObjection(id, outcome, input.reasoning(), caller));
  }

  /** Files a decided case away; nothing more happens on it. */
  @PostMapping("/{id}/closure")
  @Refusals(409)
  public CaseResource close(@PathVariable String id, Authentication caller) {
    return CaseResource.of(desk.close(id, caller));
  }
}
