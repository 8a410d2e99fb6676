package de.rathaus.api.servicerequest;

import de.rathaus.api.privacy.AccessRecording;
import de.rathaus.api.servicerequest.RequestResources.RequestPage;
import de.rathaus.api.servicerequest.RequestResources.RequestResource;
import de.rathaus.api.servicerequest.RequestResources.SubmissionInput;
import de.rathaus.api.servicerequest.RequestResources.Submitted;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Idempotency;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.application.servicerequest.CaseProjection;
import de.rathaus.application.servicerequest.FindMyRequest;
import de.rathaus.application.servicerequest.ListMyRequests;
import de.rathaus.application.servicerequest.MyRequestsPage;
import de.rathaus.application.servicerequest.RequestProjection;
import de.rathaus.application.servicerequest.RequestSubmission;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.servicerequest.SubmissionLimit;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import de.rathaus.application.transparency.HistoryLog;
import de.rathaus.domain.servicerequest.AnswerInformationRequest;
import de.rathaus.domain.servicerequest.AttachmentId;
import de.rathaus.domain.servicerequest.FileObjection;
import de.rathaus.domain.servicerequest.RectifyApplicantContact;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.servicerequest.WithdrawServiceRequest;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's own requests: submit one, list them, read one, answer a question, withdraw. Another
 * citizen's request is 404, as if it did not exist. Every command answers once the citizen's own
 * view shows it (read-your-writes).
 */
@RestController
@RequestMapping("/api/v1/requests")
public class ServiceRequestController {

  private final RequestSubmission submission;
  private final QueryGateway queries;
  private final CommandGateway commands;
  private final ReadYourWrites readYourWrites;
  private final Clock clock;
  private final Idempotency idempotency;
  private final HistoryLog history;
  private final ObjectionProperties objections;
  private final AccessRecording access;
  private final SubmissionLimit limit;

  public ServiceRequestController(
      RequestSubmission submission,
      QueryGateway queries,
      CommandGateway commands,
      ReadYourWrites readYourWrites,
      Clock clock,
      Idempotency idempotency,
      HistoryLog history,
      ObjectionProperties objections,
      AccessRecording access,
      SubmissionLimit limit) {
    this.objections = objections;
    this.submission = submission;
    this.queries = queries;
    this.commands = commands;
    this.readYourWrites = readYourWrites;
    this.clock = clock;
    this.idempotency = idempotency;
    this.history = history;
    this.access = access;
    this.limit = limit;
  }

  /**
   * Submits a request. With an {@code Idempotency-Key} a repeat of the same body answers the first
   * answer (marked {@code Idempotent-Replayed: true}) and creates nothing.
   */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Refusals({409, 422, 429})
  public ResponseEntity<Submitted> submit(
      @Valid @RequestBody SubmissionInput input,
      @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
      Authentication caller) {
    Actor actor = Actor.of(caller);
    Idempotency.Outcome<Submitted> outcome =
        idempotency.once(
            actor.id(),
            idempotencyKey,
            input,
            Submitted.class,
            id ->
                limit.submit(
                    new CitizenId(actor.id()),
                    () -> submit(input, actor, new ServiceRequestId(id.toString()))));
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.created(URI.create("/api/v1/requests/" + outcome.answer().id()));
    if (outcome.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(outcome.answer());
  }

  private Submitted submit(SubmissionInput input, Actor actor, ServiceRequestId id) {
    CitizenId applicant = new CitizenId(actor.id());
    RequestSubmission.Submitted submitted =
        readYourWrites.runCreating(
            "ServiceRequest",
            (RequestSubmission.Submitted made) -> made.id().value(),
            () ->
                submission.submit(
                    applicant,
                    new RequestSubmission.Form(
                        input.serviceCode(),
                        input.attributes() == null ? Map.of() : new HashMap<>(input.attributes()),
                        input.description(),
                        input.location() == null ? null : input.location().toDomain(),
                        input.applicant() == null ? null : input.applicant().toDomain()),
                    id),
            RequestProjection.NAME,
            CaseProjection.NAME);
    Optional<RequestView> view;
    try {
      view = find(submitted.id(), applicant);
    } catch (RuntimeException readFailed) {
      // the request exists: answer it without what only the read model knows, rather than fail
      // (a failure here would free an Idempotency-Key for a second request)
      view = Optional.empty();
    }
    Optional<HistoryLog.Leaf> leaf;
    try {
      leaf = history.leafOf(submitted.id().value(), 0);
    } catch (RuntimeException readFailed) {
      leaf = Optional.empty(); // as above: the receipt has it later
    }
    return new Submitted(
        submitted.id().value(),
        submitted.caseNumber().value(),
        view.map(RequestView::status).orElse(RequestStatus.SUBMITTED),
        submitted.submittedAt(),
        view.map(RequestView::dueDate).orElse(null),
        leaf.map(HistoryLog.Leaf::position).orElse(null),
        leaf.map(l -> Base64.getEncoder().encodeToString(l.leafHash())).orElse(null));
  }

  @GetMapping
  public RequestPage mine(
      Authentication caller,
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor) {
    MyRequestsPage page =
        Answers.of(
            queries.query(
                new ListMyRequests(new CitizenId(Actor.of(caller).id()), cursor, size),
                ResponseTypes.instanceOf(MyRequestsPage.class)));
    return new RequestPage(
        page.items().stream().map(RequestResource::of).toList(), PageLinks.next(page.next()));
  }

  @GetMapping("/{id}")
  public RequestResource one(@PathVariable String id, Authentication caller) {
    return find(new ServiceRequestId(id), new CitizenId(Actor.of(caller).id()))
        .map(view -> access.request(caller, view))
        .map(RequestResource::of)
        .orElseThrow(NotFound::new);
  }

  record AnswerInput(@NotBlank @Size(max = 10_000) String text) {}

  record WithdrawalInput(@Size(max = 2_000) String reason) {}

  /** The applicant answers the office's open question; the deadline clock runs again. */
  @PostMapping("/{id}/answers")
  @Refusals(409)
  public RequestResource answer(
      @PathVariable String id, @Valid @RequestBody AnswerInput input, Authentication caller) {
    CitizenId applicant = new CitizenId(Actor.of(caller).id());
    ServiceRequestId request = new ServiceRequestId(id);
    return act(
        request,
        applicant,
        new AnswerInformationRequest(request, applicant, input.text(), clock.instant()));
  }

  record ObjectionInput(
      @NotBlank @Size(max = 20_000) String reasons,
      @Size(max = 20) List<@NotBlank @Size(max = 100) String> attachments) {}

  /**
   * The applicant objects to the decision (Widerspruch) within the objection period, naming
   * documents filed with the request before (for example with {@code purpose=objection}); the
   * request becomes an objection procedure with its own due date.
   */
  @PostMapping("/{id}/objection")
  @Refusals({409, 422})
  public RequestResource object(
      @PathVariable String id, @Valid @RequestBody ObjectionInput input, Authentication caller) {
    CitizenId applicant = new CitizenId(Actor.of(caller).id());
    ServiceRequestId request = new ServiceRequestId(id);
    List<AttachmentId> documents =
        input.attachments() == null
            ? List.of()
            : input.attachments().stream().distinct().map(AttachmentId::new).toList();
    return act(
        request,
        applicant,
        new FileObjection(
            request,
            applicant,
            input.reasons(),
            documents,
            objections.period(),
            objections.deadline(),
            clock.instant()));
  }

  /**
   * The applicant corrects their contact details on an open request (Art. 16 DSGVO). The body
   * replaces the details given before as a whole: a part left out is removed. The clerks' case and
   * the data export show the corrected details; the history keeps both, under the same key.
   */
  @PutMapping("/{id}/applicant")
  @Refusals({409, 422})
  public RequestResource rectify(
      @PathVariable String id,
      @Valid @RequestBody RequestResources.ApplicantInput input,
      Authentication caller) {
    CitizenId applicant = new CitizenId(Actor.of(caller).id());
    ServiceRequestId request = new ServiceRequestId(id);
    return act(
        request,
        applicant,
        new RectifyApplicantContact(request, applicant, input.toDomain(), clock.instant()));
  }

  /** The applicant withdraws an open request. */
  @PostMapping("/{id}/withdrawal")
  @Refusals(409)
  public RequestResource withdraw(
      @PathVariable String id, @Valid @RequestBody WithdrawalInput input, Authentication caller) {
    CitizenId applicant = new CitizenId(Actor.of(caller).id());
    ServiceRequestId request = new ServiceRequestId(id);
    return act(
        request,
        applicant,
        new WithdrawServiceRequest(request, applicant, input.reason(), clock.instant()));
  }

  /** Sends the applicant's command on their own request; answers once their view shows it. */
  private RequestResource act(ServiceRequestId id, CitizenId applicant, Object command) {
    readYourWrites.run(
        () -> commands.sendAndWait(command), RequestProjection.NAME, CaseProjection.NAME);
    return find(id, applicant).map(RequestResource::of).orElseThrow(NotFound::new);
  }

  private Optional<RequestView> find(ServiceRequestId id, CitizenId applicant) {
    return Answers.of(
        queries.query(
            new FindMyRequest(id, applicant), ResponseTypes.optionalInstanceOf(RequestView.class)));
  }
}
