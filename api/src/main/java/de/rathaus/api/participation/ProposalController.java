package de.rathaus.api.participation;

import de.rathaus.api.participation.ProposalResources.CityAnswerInput;
import de.rathaus.api.participation.ProposalResources.Created;
import de.rathaus.api.participation.ProposalResources.ProposalInput;
import de.rathaus.api.participation.ProposalResources.ProposalOrder;
import de.rathaus.api.participation.ProposalResources.ProposalPage;
import de.rathaus.api.participation.ProposalResources.ProposalResource;
import de.rathaus.api.participation.ProposalResources.ResultsResource;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Choices;
import de.rathaus.api.shared.Idempotency;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.OneOf;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.api.shared.Role;
import de.rathaus.api.transparency.LogStamps;
import de.rathaus.application.participation.ConsultationResults;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.FindConsultation;
import de.rathaus.application.participation.FindConsultationResults;
import de.rathaus.application.participation.FindProposal;
import de.rathaus.application.participation.ListProposals;
import de.rathaus.application.participation.ProposalProjection;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.Supports;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.AnswerProposal;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.EditProposal;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.PutUpFeedbackItem;
import de.rathaus.domain.participation.SubmitProposal;
import de.rathaus.domain.shared.CitizenId;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proposals in ideas consultations: anyone reads them (a draft consultation has none, and its list
 * is 404 as the draft itself is to everyone but administrators); citizens submit them while the
 * consultation is open and edit their own until voting starts. A proposal never names its author's
 * account: it shows the name they chose, and {@code mine} tells the author it is theirs. Another
 * citizen's proposal is 404 to an edit, as another's request is. Each command answers once the
 * proposals' read model shows it.
 */
@RestController
public class ProposalController {

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;
  private final Idempotency idempotency;
  private final Clock clock;
  private final Supports supports;

  private final LogStamps stamps;

  public ProposalController(
      CommandGateway commands,
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      Idempotency idempotency,
      Clock clock,
      Supports supports,
      LogStamps stamps) {
    this.stamps = stamps;
    this.commands = commands;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
    this.idempotency = idempotency;
    this.clock = clock;
    this.supports = supports;
  }

  /**
   * A consultation's proposals, newest first ({@code sort=newest}, the default) or most supported
   * first ({@code sort=supports}, then by id); any other value is 400 naming the allowed ones.
   */
  @GetMapping("/api/v1/consultations/{id}/proposals")
  @SecurityRequirements
  public ProposalPage list(
      @PathVariable String id,
      @RequestParam(defaultValue = "newest")
          @OneOf(value = ProposalOrder.class, written = OneOf.Written.ANY_CASE)
          String sort,
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor,
      Authentication caller) {
    ProposalOrder order = Choices.of(ProposalOrder.class, "sort", sort);
    ConsultationView consultation = visibleConsultation(id, caller);
    de.rathaus.application.participation.ProposalPage page =
        Answers.of(
            queries.query(
                new ListProposals(
                    consultation.id(),
                    cursor,
                    size,
                    order == ProposalOrder.SUPPORTS
                        ? ListProposals.Order.SUPPORTS
                        : ListProposals.Order.NEWEST),
                ResponseTypes.instanceOf(de.rathaus.application.participation.ProposalPage.class)));
    return new ProposalPage(
        page.items().stream()
            .map(
                view ->
                    ProposalResource.of(
                        view, mine(view, caller), own(view, caller), clock.instant()))
            .toList(),
        PageLinks.next(page.next()));
  }

  /**
   * Proposes something in an open ideas consultation: 201 with its {@code Location}. A feedback
   * consultation, or one not open, is 409 with the rule's {@code code}; an unknown one 404. With an
   * {@code Idempotency-Key} a repeat of the same body answers the same proposal and creates none.
   * An administrator puts up an item of a feedback consultation this way while it is a draft or
   * open (409 in an ideas consultation).
   */
  @PostMapping("/api/v1/consultations/{id}/proposals")
  @ResponseStatus(HttpStatus.CREATED)
  @Refusals(409)
  public ResponseEntity<ProposalResource> submit(
      @PathVariable String id,
      @Valid @RequestBody ProposalInput input,
      @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
      Authentication caller) {
    ConsultationView consultation = visibleConsultation(id, caller);
    CitizenId author = new CitizenId(Actor.of(caller).id());
    // the key keeps the new proposal's id only: what the citizen wrote stays in the read model
    Idempotency.Outcome<Created> outcome =
        idempotency.once(
            author.value(),
            idempotencyKey,
            new Keyed(id, input),
            Created.class,
            uuid -> submit(ProposalId.of(uuid), consultation, author, input, admin(caller)));
    ProposalId proposal = new ProposalId(outcome.answer().id());
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.created(URI.create("/api/v1/proposals/" + proposal.value()));
    if (outcome.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(found(proposal, caller).stamped(stamps.of(proposal.value(), 0)));
  }

  /** The body of a submission and the consultation it goes to: what an idempotency key covers. */
  record Keyed(String consultation, ProposalInput body) {}

  /**
   * A citizen's proposal, or (by an administrator, {@code city}) a feedback consultation's item.
   */
  private Created submit(
      ProposalId id,
      ConsultationView consultation,
      CitizenId author,
      ProposalInput input,
      boolean city) {
    Object command =
        city
            ? new PutUpFeedbackItem(
                id,
                consultation.id(),
                consultation.content().format(),
                consultation.phase(),
                author,
                input.toContent(),
                clock.instant())
            : submission(id, consultation, author, input);
    readYourWrites.run(() -> commands.sendAndWait(command), ProposalProjection.NAME);
    return new Created(id.value());
  }

  private SubmitProposal submission(
      ProposalId id, ConsultationView consultation, CitizenId author, ProposalInput input) {
    return new SubmitProposal(
        id,
        consultation.id(),
        consultation.content().format(),
        consultation.phase(),
        author,
        input.toContent(),
        clock.instant(),
        consultation.content().supportThreshold(),
        consultation.content().answerDeadlineDays());
  }

  /**
   * One proposal; {@code mine} is true for its author. An item of a draft feedback consultation is
   * 404 to everyone but administrators, as the draft is.
   */
  @GetMapping("/api/v1/proposals/{id}")
  @SecurityRequirements
  public ProposalResource get(@PathVariable String id, Authentication caller) {
    ProposalId proposal = parsed(id);
    ProposalView view = find(proposal).orElseThrow(NotFound::new);
    // an item the city put up in a draft is part of its preparation, as the draft is
    if (!admin(caller)
        && findConsultation(view.consultation())
            .map(consultation -> !consultation.phase().isPublic())
            .orElse(true)) {
      throw new NotFound();
    }
    return found(proposal, caller);
  }

  /**
   * Its author saves a new version as a whole while the consultation is open (409 {@code
   * EDITS_ENDED} once voting started); an unchanged version records nothing. Another citizen's
   * proposal is 404.
   */
  @PutMapping("/api/v1/proposals/{id}")
  @Refusals(409)
  public ProposalResource edit(
      @PathVariable String id, @Valid @RequestBody ProposalInput input, Authentication caller) {
    ProposalId proposal = parsed(id);
    ProposalView view = find(proposal).orElseThrow(NotFound::new);
    // a proposal's consultation is always in the read model; should it not be, answer 404, never
    // 500
    ConsultationView consultation =
        findConsultation(view.consultation()).orElseThrow(NotFound::new);
    EditProposal command =
        new EditProposal(
            proposal,
            new CitizenId(Actor.of(caller).id()),
            consultation.phase(),
            input.toContent(),
            clock.instant());
    readYourWrites.run(() -> commands.sendAndWait(command), ProposalProjection.NAME);
    return found(proposal, caller);
  }

  /**
   * An administrator answers for the city, or updates the answer: each answer stays as a public
   * dated entry of the proposal's {@code answerHistory}; an answer equal to the one in force
   * records nothing. Answers the proposal.
   */
  @PostMapping("/api/v1/proposals/{id}/answer")
  public ProposalResource answer(
      @PathVariable String id, @Valid @RequestBody CityAnswerInput input, Authentication caller) {
    ProposalId proposal = parsed(id);
    find(proposal).orElseThrow(NotFound::new);
    AnswerProposal command =
        new AnswerProposal(proposal, input.status(), input.answerReasoning(), clock.instant());
    readYourWrites.run(() -> commands.sendAndWait(command), ProposalProjection.NAME);
    return found(proposal, caller);
  }

  /**
   * What came of a consultation so far (public in every phase but a draft): each proposal with the
   * city's answer and whether it is overdue, the share answered and answered in time.
   */
  @GetMapping("/api/v1/consultations/{id}/results")
  @SecurityRequirements
  public ResultsResource results(@PathVariable String id, Authentication caller) {
    ConsultationView consultation = visibleConsultation(id, caller);
    ConsultationResults results =
        Answers.of(
            queries.query(
                new FindConsultationResults(consultation.id(), clock.instant()),
                ResponseTypes.instanceOf(ConsultationResults.class)));
    return ResultsResource.of(consultation, results);
  }

  private static boolean mine(ProposalView view, Authentication caller) {
    return caller != null
        && caller.isAuthenticated()
        && Actor.find(caller)
            .map(a -> a.role() == Role.CITIZEN && a.id().equals(view.author().value()))
            .orElse(false);
  }

  private static boolean admin(Authentication caller) {
    return caller != null
        && caller.isAuthenticated()
        && Actor.find(caller).map(actor -> actor.role() == Role.ADMIN).orElse(false);
  }

  /** The consultation named in the path; a draft only for administrators (404 otherwise). */
  private ConsultationView visibleConsultation(String id, Authentication caller) {
    if (!ConsultationId.wellFormed(id)) {
      throw new NotFound();
    }
    ConsultationView view = findConsultation(new ConsultationId(id)).orElseThrow(NotFound::new);
    if (!view.phase().isPublic() && !admin(caller)) {
      throw new NotFound();
    }
    return view;
  }

  /** An id of another form names no proposal: 404, like an unknown one. */
  private static ProposalId parsed(String id) {
    if (!ProposalId.wellFormed(id)) {
      throw new NotFound();
    }
    return new ProposalId(id);
  }

  private ProposalResource found(ProposalId id, Authentication caller) {
    return find(id)
        .map(
            v ->
                ProposalResource.withComments(
                    v,
                    mine(v, caller),
                    own(v, caller),
                    ProposalReads.citizen(caller),
                    clock.instant()))
        .orElseThrow(NotFound::new);
  }

  /** What a citizen caller chose themselves: their support, or their stars for an item. */
  private SupportResources.Own own(ProposalView view, Authentication caller) {
    if (caller == null || !caller.isAuthenticated()) {
      return SupportResources.Own.NONE;
    }
    Optional<Actor> actor = Actor.find(caller).filter(a -> a.role() == Role.CITIZEN);
    if (actor.isEmpty()) {
      return SupportResources.Own.NONE;
    }
    CitizenId citizen = new CitizenId(actor.get().id());
    if (view.feedbackItem()) {
      OptionalInt stars = supports.starsOf(citizen, view.id());
      return new SupportResources.Own(false, stars.isPresent() ? stars.getAsInt() : null);
    }
    return new SupportResources.Own(supports.supportedBy(citizen, view.id()), null);
  }

  private Optional<ProposalView> find(ProposalId id) {
    return Answers.of(
        queries.query(new FindProposal(id), ResponseTypes.optionalInstanceOf(ProposalView.class)));
  }

  private Optional<ConsultationView> findConsultation(ConsultationId id) {
    return Answers.of(
        queries.query(
            new FindConsultation(id), ResponseTypes.optionalInstanceOf(ConsultationView.class)));
  }
}
