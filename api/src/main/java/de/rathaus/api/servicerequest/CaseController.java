package de.rathaus.api.servicerequest;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Choices;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.FindCase;
import de.rathaus.application.servicerequest.ListCases;
import de.rathaus.domain.servicerequest.AddInternalNote;
import de.rathaus.domain.servicerequest.AssignCase;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.CloseCase;
import de.rathaus.domain.servicerequest.DecideCase;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.ForwardCase;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.RequestInformation;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final Clock clock;

  public CaseController(CommandGateway commands, QueryGateway queries, Clock clock) {
    this.commands = commands;
    this.queries = queries;
    this.clock = clock;
  }

  record Assignment(@NotBlank @Size(max = 100) String assignee) {}

  record Forwarding(@NotBlank String department, @NotBlank @Size(max = 2_000) String reason) {}

  record InformationRequestInput(
      @NotBlank @Size(max = 5_000) String question, @NotNull LocalDate dueDate) {}

  record NoteInput(@NotBlank @Size(max = 10_000) String text) {}

  record DecisionInput(
      @NotBlank String outcome,
      @NotBlank @Size(max = 20_000) String reasoning,
      @NotBlank @Size(max = 1_000) String legalBasis) {}

  @GetMapping
  public Map<String, Object> queue(
      Authentication caller,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(defaultValue = "50") int size) {
    List<CaseView> cases =
        queries
            .query(
                new ListCases(department(caller).value(), status, assignee, overdue),
                ResponseTypes.multipleInstancesOf(CaseView.class))
            .join();
    Map<String, Object> answer = new HashMap<>();
    answer.put("items", cases.stream().limit(Math.max(1, Math.min(size, 500))).toList());
    answer.put("next", null);
    return answer;
  }

  @GetMapping("/{id}")
  public CaseView one(@PathVariable String id, Authentication caller) {
    return find(id, department(caller)).orElseThrow(NotFound::new);
  }

  @PostMapping("/{id}/assignment")
  public CaseView assign(
      @PathVariable String id, @Valid @RequestBody Assignment input, Authentication caller) {
    DepartmentCode department = department(caller);
    return act(
        id,
        department,
        () ->
            new AssignCase(
                new ServiceRequestId(id),
                new ClerkId(input.assignee()),
                department,
                clock.instant()));
  }

  @PostMapping("/{id}/forwarding")
  public Map<String, Object> forward(
      @PathVariable String id, @Valid @RequestBody Forwarding input, Authentication caller) {
    DepartmentCode department = department(caller);
    CaseView before = find(id, department).orElseThrow(NotFound::new);
    DepartmentCode to = new DepartmentCode(input.department());
    commands.sendAndWait(
        new ForwardCase(new ServiceRequestId(id), to, input.reason(), department, clock.instant()));
    await(id, to, before.revision());
    // the case now belongs to the other department: this clerk no longer sees it
    return Map.of("id", id, "department", to.value());
  }

  @PostMapping("/{id}/information-requests")
  public CaseView requestInformation(
      @PathVariable String id,
      @Valid @RequestBody InformationRequestInput input,
      Authentication caller) {
    DepartmentCode department = department(caller);
    return act(
        id,
        department,
        () ->
            new RequestInformation(
                new ServiceRequestId(id),
                new InformationRequestId(UUID.randomUUID().toString()),
                input.question(),
                input.dueDate().plusDays(1).atStartOfDay(CITY_TIME).toInstant(),
                department,
                clock.instant()));
  }

  @PostMapping("/{id}/notes")
  public CaseView note(
      @PathVariable String id, @Valid @RequestBody NoteInput input, Authentication caller) {
    DepartmentCode department = department(caller);
    ClerkId author = new ClerkId(Actor.of(caller).id());
    return act(
        id,
        department,
        () ->
            new AddInternalNote(
                new ServiceRequestId(id), input.text(), author, department, clock.instant()));
  }

  @PostMapping("/{id}/decision")
  public CaseView decide(
      @PathVariable String id, @Valid @RequestBody DecisionInput input, Authentication caller) {
    DepartmentCode department = department(caller);
    DecisionOutcome outcome = Choices.of(DecisionOutcome.class, "outcome", input.outcome());
    return act(
        id,
        department,
        () ->
            new DecideCase(
                new ServiceRequestId(id),
                new Decision(outcome, input.reasoning(), input.legalBasis()),
                department,
                clock.instant()));
  }

  /** Files a decided case away; nothing more happens on it. */
  @PostMapping("/{id}/closure")
  public CaseView close(@PathVariable String id, Authentication caller) {
    DepartmentCode department = department(caller);
    return act(
        id, department, () -> new CloseCase(new ServiceRequestId(id), department, clock.instant()));
  }

  private CaseView act(
      String id, DepartmentCode department, java.util.function.Supplier<Object> command) {
    CaseView before = find(id, department).orElseThrow(NotFound::new);
    commands.sendAndWait(command.get());
    return await(id, department, before.revision());
  }

  /** Waits until the case shows a revision after {@code revision} (read-your-writes). */
  private CaseView await(String id, DepartmentCode department, int revision) {
    return ReadYourWrites.await(
            () -> find(id, department),
            v -> v.map(view -> view.revision() > revision).orElse(false))
        .orElse(null);
  }

  private Optional<CaseView> find(String id, DepartmentCode department) {
    return queries
        .query(
            new FindCase(id, department.value()), ResponseTypes.optionalInstanceOf(CaseView.class))
        .join();
  }

  private static DepartmentCode department(Authentication caller) {
    return new DepartmentCode(Actor.of(caller).department().orElseThrow(NotFound::new));
  }
}
