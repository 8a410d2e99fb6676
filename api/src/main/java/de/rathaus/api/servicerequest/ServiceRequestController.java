package de.rathaus.api.servicerequest;

import de.rathaus.api.servicerequest.RequestResources.RequestResource;
import de.rathaus.api.servicerequest.RequestResources.SubmissionInput;
import de.rathaus.api.servicerequest.RequestResources.Submitted;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Idempotency;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.servicerequest.FindMyRequest;
import de.rathaus.application.servicerequest.ListMyRequests;
import de.rathaus.application.servicerequest.RequestSubmission;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.domain.servicerequest.AnswerInformationRequest;
import de.rathaus.domain.servicerequest.WithdrawServiceRequest;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's own requests: submit one, list them, read one. Another citizen's request is 404, as
 * if it did not exist. A submission answers once the citizen's list shows it (read-your-writes).
 */
@RestController
@RequestMapping("/api/v1/requests")
public class ServiceRequestController {

  private static final int MAX_PAGE = 500;

  private final RequestSubmission submission;
  private final QueryGateway queries;
  private final CommandGateway commands;

  private final Clock clock;
  private final Idempotency idempotency;

  public ServiceRequestController(
      RequestSubmission submission,
      QueryGateway queries,
      CommandGateway commands,
      Clock clock,
      Idempotency idempotency) {
    this.idempotency = idempotency;
    this.submission = submission;
    this.queries = queries;
    this.commands = commands;
    this.clock = clock;
  }

  /**
   * Submits a request. With an {@code Idempotency-Key} a repeat of the same body answers the first
   * answer (marked {@code Idempotent-Replayed: true}) and creates nothing.
   */
  @PostMapping
  public ResponseEntity<Submitted> submit(
      @Valid @RequestBody SubmissionInput input,
      @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
      Authentication caller) {
    Actor actor = Actor.of(caller);
    Idempotency.Outcome<Submitted> outcome =
        idempotency.once(
            actor.id(), idempotencyKey, input, Submitted.class, () -> submit(input, actor));
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.created(URI.create("/api/v1/requests/" + outcome.answer().id()));
    if (outcome.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(outcome.answer());
  }

  private Submitted submit(SubmissionInput input, Actor actor) {
    RequestSubmission.Submitted submitted =
        submission.submit(
            new CitizenId(actor.id()),
            new RequestSubmission.Form(
                input.serviceCode(),
                input.attributes() == null ? Map.of() : new HashMap<>(input.attributes()),
                input.description(),
                input.location() == null ? null : input.location().toDomain(),
                input.applicant() == null ? null : input.applicant().toDomain()));
    String id = submitted.id().value();
    RequestView view;
    try {
      view = ReadYourWrites.await(() -> find(id, actor.id()), Optional::isPresent).orElse(null);
    } catch (RuntimeException readFailed) {
      // the request exists: answer it without what only the read model knows, rather than fail
      // (a failure here would free an Idempotency-Key for a second request)
      view = null;
    }
    return new Submitted(
        id,
        submitted.caseNumber().value(),
        view == null ? "SUBMITTED" : view.status(),
        submitted.submittedAt(),
        view == null ? null : view.dueDate());
  }

  @GetMapping
  public Map<String, Object> mine(
      Authentication caller, @RequestParam(defaultValue = "50") int size) {
    int page = Math.max(1, Math.min(size, MAX_PAGE));
    List<RequestView> views =
        queries
            .query(
                new ListMyRequests(Actor.of(caller).id()),
                ResponseTypes.multipleInstancesOf(RequestView.class))
            .join();
    Map<String, Object> answer = new HashMap<>();
    answer.put("items", views.stream().limit(page).map(RequestResource::of).toList());
    answer.put("next", null);
    return answer;
  }

  @GetMapping("/{id}")
  public RequestResource one(@PathVariable String id, Authentication caller) {
    return find(id, Actor.of(caller).id()).map(RequestResource::of).orElseThrow(NotFound::new);
  }

  record AnswerInput(@NotBlank @Size(max = 10_000) String text) {}

  record WithdrawalInput(@Size(max = 2_000) String reason) {}

  /** The applicant answers the office's open question; the deadline clock runs again. */
  @PostMapping("/{id}/answers")
  public RequestResource answer(
      @PathVariable String id, @Valid @RequestBody AnswerInput input, Authentication caller) {
    return act(
        id,
        Actor.of(caller).id(),
        applicant ->
            new AnswerInformationRequest(
                new ServiceRequestId(id), applicant, input.text(), clock.instant()));
  }

  /** The applicant withdraws an open request. */
  @PostMapping("/{id}/withdrawal")
  public RequestResource withdraw(
      @PathVariable String id, @Valid @RequestBody WithdrawalInput input, Authentication caller) {
    return act(
        id,
        Actor.of(caller).id(),
        applicant ->
            new WithdrawServiceRequest(
                new ServiceRequestId(id), applicant, input.reason(), clock.instant()));
  }

  /** Sends the applicant's command on their own request; answers once the timeline shows it. */
  private RequestResource act(String id, String applicant, Function<CitizenId, Object> command) {
    RequestView before = find(id, applicant).orElseThrow(NotFound::new);
    commands.sendAndWait(command.apply(new CitizenId(applicant)));
    int steps = before.timeline().size();
    return RequestResource.of(
        ReadYourWrites.await(
                () -> find(id, applicant),
                v -> v.map(view -> view.timeline().size() > steps).orElse(false))
            .orElse(before));
  }

  private Optional<RequestView> find(String id, String applicant) {
    return queries
        .query(
            new FindMyRequest(id, applicant), ResponseTypes.optionalInstanceOf(RequestView.class))
        .join();
  }
}
