package de.rathaus.api.servicerequest;

import de.rathaus.api.privacy.AccessRecording;
import de.rathaus.api.servicerequest.RequestResources.CasePage;
import de.rathaus.api.servicerequest.RequestResources.CaseResource;
import de.rathaus.api.servicerequest.RequestResources.Forwarded;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Choices;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.OneOf;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.shared.PlausibleDate;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.FindDepartment;
import de.rathaus.application.privacy.AccessKind;
import de.rathaus.application.servicerequest.ApplicantNameIndex;
import de.rathaus.application.servicerequest.CaseProjection;
import de.rathaus.application.servicerequest.CaseQueuePage;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.FindCase;
import de.rathaus.application.servicerequest.ListCases;
import de.rathaus.application.servicerequest.RequestProjection;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.servicerequest.AddInternalNote;
import de.rathaus.domain.servicerequest.AssignCase;
import de.rathaus.domain.servicerequest.CancelInformationRequest;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.CloseCase;
import de.rathaus.domain.servicerequest.DecideCase;
import de.rathaus.domain.servicerequest.DecideObjection;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.ForwardCase;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.ObjectionOutcome;
import de.rathaus.domain.servicerequest.RequestInformation;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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

  private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;
  private final ClerkDirectory clerks;
  private final Clock clock;
  private final AccessRecording access;
  private final ApplicantNameIndex names;

  public CaseController(
      CommandGateway commands,
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      ClerkDirectory clerks,
      Clock clock,
      AccessRecording access,
      ApplicantNameIndex names) {
    this.commands = commands;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
    this.clerks = clerks;
    this.clock = clock;
    this.access = access;
    this.names = names;
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
    List<String> nameTokens = List.of();
    if (applicantName != null) {
      nameTokens = names.tokensOf(applicantName);
      if (nameTokens.isEmpty()) {
        throw new IllegalArgumentException("applicantName must hold a letter or a digit");
      }
    }
    ListCases query =
        new ListCases(
            department(caller),
            status == null ? null : Choices.of(RequestStatus.class, "status", status),
            assignee == null || assignee.isBlank() ? null : new ClerkId(assignee),
            overdue,
            answerOverdue,
            cursor,
            size,
            caseNumber == null || caseNumber.isBlank() ? null : caseNumber.trim(),
            nameTokens);
    CaseQueuePage page =
        Answers.of(queries.query(query, ResponseTypes.instanceOf(CaseQueuePage.class)));
    if (!nameTokens.isEmpty()) {
      access.read(caller, page.items(), AccessKind.SEARCH_RESULT);
    }
    return new CasePage(
        page.items().stream().map(CaseResource::of).toList(), PageLinks.next(page.next()));
  }

  @GetMapping("/{id}")
  public CaseResource one(@PathVariable String id, Authentication caller) {
    return find(new ServiceRequestId(id), department(caller))
        .map(view -> access.read(caller, view, AccessKind.CASE))
        .map(CaseResource::of)
        .orElseThrow(NotFound::new);
  }

  /** A clerk of the department takes the case or hands it to a colleague of the department. */
  @PostMapping("/{id}/assignment")
  @Refusals({409, 422})
  public CaseResource assign(
      @PathVariable String id, @Valid @RequestBody Assignment input, Authentication caller) {
    DepartmentCode department = department(caller);
    ClerkId assignee = new ClerkId(input.assignee());
    // the case decides: another department's case is 404 before the assignee is looked at; the
    // caller sees only their own department's cases, so that is the department asked about
    DepartmentCode assigneeDepartment =
        clerks.isClerkOf(assignee, department, Actor.of(caller)) ? department : null;
    return act(
        id,
        caller,
        case_ -> new AssignCase(case_, assignee, assigneeDepartment, department, clock.instant()));
  }

  /** Passes the case to the responsible department; this clerk no longer sees it afterwards. */
  @PostMapping("/{id}/forwarding")
  @Refusals({409, 422})
  public Forwarded forward(
      @PathVariable String id, @Valid @RequestBody Forwarding input, Authentication caller) {
    DepartmentCode department = department(caller);
    DepartmentCode to = new DepartmentCode(input.department());
    ServiceRequestId case_ = new ServiceRequestId(id);
    readYourWrites.run(
        () ->
            commands.sendAndWait(
                new ForwardCase(
                    case_, to, input.reason(), department, clock.instant(), isActive(to))),
        CaseProjection.NAME,
        RequestProjection.NAME);
    return new Forwarded(id, to.value());
  }

  @PostMapping("/{id}/information-requests")
  @Refusals({409, 422})
  public CaseResource requestInformation(
      @PathVariable String id,
      @Valid @RequestBody InformationRequestInput input,
      Authentication caller) {
    DepartmentCode department = department(caller);
    return act(
        id,
        caller,
        case_ ->
            new RequestInformation(
                case_,
                new InformationRequestId(UUID.randomUUID().toString()),
                input.question(),
                input.dueDate().plusDays(1).atStartOfDay(CITY_TIME).toInstant(),
                department,
                clock.instant()));
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
    DepartmentCode department = department(caller);
    return act(
        id,
        caller,
        case_ ->
            new CancelInformationRequest(
                case_,
                new InformationRequestId(irId),
                input.reason(),
                department,
                clock.instant()));
  }

  @PostMapping("/{id}/notes")
  @Refusals(409)
  public CaseResource note(
      @PathVariable String id, @Valid @RequestBody NoteInput input, Authentication caller) {
    DepartmentCode department = department(caller);
    ClerkId author = new ClerkId(Actor.of(caller).id());
    return act(
        id,
        caller,
        case_ -> new AddInternalNote(case_, input.text(), author, department, clock.instant()));
  }

  @PostMapping("/{id}/decision")
  @Refusals(409)
  public CaseResource decide(
      @PathVariable String id, @Valid @RequestBody DecisionInput input, Authentication caller) {
    DepartmentCode department = department(caller);
    DecisionOutcome outcome = Choices.of(DecisionOutcome.class, "outcome", input.outcome());
    return act(
        id,
        caller,
        case_ ->
            new DecideCase(
                case_,
                new Decision(outcome, input.reasoning(), input.legalBasis()),
                department,
                clock.instant()));
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
    DepartmentCode department = department(caller);
    ObjectionOutcome outcome = Choices.of(ObjectionOutcome.class, "outcome", input.outcome());
    return act(
        id,
        caller,
        case_ ->
            new DecideObjection(case_, outcome, input.reasoning(), department, clock.instant()));
  }

  /** Files a decided case away; nothing more happens on it. */
  @PostMapping("/{id}/closure")
  @Refusals(409)
  public CaseResource close(@PathVariable String id, Authentication caller) {
    DepartmentCode department = department(caller);
    return act(id, caller, case_ -> new CloseCase(case_, department, clock.instant()));
  }

  /** Sends the clerk's command; answers the case once the clerks' view shows it. */
  private CaseResource act(
      String id,
      Authentication caller,
      java.util.function.Function<ServiceRequestId, Object> command) {
    DepartmentCode department = department(caller);
    ServiceRequestId case_ = new ServiceRequestId(id);
    readYourWrites.run(
        () -> commands.sendAndWait(command.apply(case_)),
        CaseProjection.NAME,
        RequestProjection.NAME);
    return find(case_, department)
        .map(view -> access.read(caller, view, AccessKind.CASE))
        .map(CaseResource::of)
        .orElseThrow(NotFound::new);
  }

  /** Whether the city's departments list {@code code} as active (the case decides what follows). */
  private boolean isActive(DepartmentCode code) {
    return Answers.of(
            queries.query(
                new FindDepartment(code), ResponseTypes.optionalInstanceOf(DepartmentView.class)))
        .filter(DepartmentView::active)
        .isPresent();
  }

  private Optional<CaseView> find(ServiceRequestId id, DepartmentCode department) {
    return Answers.of(
        queries.query(
            new FindCase(id, department), ResponseTypes.optionalInstanceOf(CaseView.class)));
  }

  private static DepartmentCode department(Authentication caller) {
    return new DepartmentCode(Actor.of(caller).department().orElseThrow(NotFound::new));
  }
}
