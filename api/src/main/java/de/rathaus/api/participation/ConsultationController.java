package de.rathaus.api.participation;

import de.rathaus.api.participation.ConsultationResources.ConsultationInput;
import de.rathaus.api.participation.ConsultationResources.ConsultationPage;
import de.rathaus.api.participation.ConsultationResources.ConsultationResource;
import de.rathaus.api.participation.ConsultationResources.PhaseInput;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Choices;
import de.rathaus.api.shared.Idempotency;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.OneOf;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.api.shared.Role;
import de.rathaus.application.participation.ConsultationAdministration;
import de.rathaus.application.participation.ConsultationProjection;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.FindConsultation;
import de.rathaus.application.participation.ListConsultations;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.MoveConsultationPhase;
import de.rathaus.domain.participation.SustainabilityGoal;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Consultations (Beteiligungsverfahren): anyone reads them, in every phase but the draft, which
 * only administrators see (to everyone else a draft does not exist: not listed, 404 by id).
 * Administrators draft them, save a draft, and move them on by hand; the phase watch moves them at
 * their dates. Each change answers once the consultations' read model shows it.
 */
@RestController
@RequestMapping("/api/v1/consultations")
public class ConsultationController {

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;
  private final ConsultationAdministration administration;
  private final Idempotency idempotency;
  private final Clock clock;

  public ConsultationController(
      CommandGateway commands,
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      ConsultationAdministration administration,
      Idempotency idempotency,
      Clock clock) {
    this.commands = commands;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
    this.administration = administration;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  private static String language() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  private static boolean admin(Authentication caller) {
    return caller != null
        && caller.isAuthenticated()
        && Actor.find(caller).map(actor -> actor.role() == Role.ADMIN).orElse(false);
  }

  /**
   * Consultations opening last first, filtered by action field, phase, sustainability goal (1–17)
   * and format; drafts only for administrators. {@code cursor} is the opaque value in a page's
   * {@code next}.
   */
  @GetMapping
  @SecurityRequirements
  public ConsultationPage list(
      @RequestParam(required = false) String actionField,
      @RequestParam(required = false)
          @OneOf(value = ConsultationPhase.class, written = OneOf.Written.ANY_CASE)
          String phase,
      @RequestParam(required = false) @Min(1) @Max(17) Integer goal,
      @RequestParam(required = false)
          @OneOf(value = ConsultationFormat.class, written = OneOf.Written.ANY_CASE)
          String format,
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor,
      Authentication caller) {
    ListConsultations query =
        new ListConsultations(
            actionField == null ? null : new ActionFieldCode(actionField),
            phase == null ? null : Choices.of(ConsultationPhase.class, "phase", phase),
            goal == null ? null : SustainabilityGoal.numbered(goal).orElseThrow(),
            format == null ? null : Choices.of(ConsultationFormat.class, "format", format),
            admin(caller),
            cursor,
            size);
    de.rathaus.application.participation.ConsultationPage page =
        Answers.of(
            queries.query(
                query,
                ResponseTypes.instanceOf(
                    de.rathaus.application.participation.ConsultationPage.class)));
    return new ConsultationPage(
        page.items().stream().map(view -> ConsultationResource.of(view, language())).toList(),
        PageLinks.next(page.next()));
  }

  /** One consultation; a draft only for administrators (404 for everyone else). */
  @GetMapping("/{id}")
  @SecurityRequirements
  public ConsultationResource get(@PathVariable String id, Authentication caller) {
    ConsultationView view = find(parsed(id)).orElseThrow(NotFound::new);
    if (!view.phase().isPublic() && !admin(caller)) {
      throw new NotFound();
    }
    return ConsultationResource.of(view, language());
  }

  /**
   * Drafts a consultation. With an {@code Idempotency-Key} a repeat of the same body answers the
   * first answer and drafts nothing; an unknown or retired action field or department is 422.
   */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Refusals({409, 422})
  public ResponseEntity<ConsultationResource> draft(
      @Valid @RequestBody ConsultationInput input,
      @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
      Authentication caller) {
    Idempotency.Outcome<ConsultationResource> outcome =
        idempotency.once(
            Actor.of(caller).id(),
            idempotencyKey,
            input,
            ConsultationResource.class,
            uuid -> draft(ConsultationId.of(uuid), input.toContent()));
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.created(URI.create("/api/v1/consultations/" + outcome.answer().id()));
    if (outcome.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(outcome.answer());
  }

  private ConsultationResource draft(ConsultationId id, ConsultationContent content) {
    readYourWrites.run(
        () -> {
          administration.draft(id, content);
          return null;
        },
        ConsultationProjection.NAME);
    // with the read model behind (beyond the wait's bound) answer what was drafted, never a 404
    return find(id)
        .map(view -> ConsultationResource.of(view, language()))
        .orElseGet(() -> ConsultationResource.drafted(id, content, clock.instant(), language()));
  }

  /** Saves a draft's content as a whole; once it is open, 409 {@code NOT_A_DRAFT}. */
  @PutMapping("/{id}")
  @Refusals({409, 422})
  public ConsultationResource revise(
      @PathVariable String id, @Valid @RequestBody ConsultationInput input) {
    ConsultationId consultation = parsed(id);
    ConsultationContent content = input.toContent();
    readYourWrites.run(
        () -> {
          administration.revise(consultation, content);
          return null;
        },
        ConsultationProjection.NAME);
    return found(consultation);
  }

  /**
   * Moves it to a later phase by hand, or publishes its results with a summary; a move its rules
   * forbid is 409 with the rule's {@code code}.
   */
  @PostMapping("/{id}/phase")
  @Refusals({409, 422})
  public ConsultationResource move(@PathVariable String id, @Valid @RequestBody PhaseInput input) {
    ConsultationId consultation = parsed(id);
    MoveConsultationPhase command =
        new MoveConsultationPhase(
            consultation,
            input.target(),
            input.summary() == null ? null : input.summary().toDomain(),
            clock.instant());
    readYourWrites.run(() -> commands.sendAndWait(command), ConsultationProjection.NAME);
    return found(consultation);
  }

  /** An id of another form names no consultation: 404, like an unknown one. */
  private static ConsultationId parsed(String id) {
    if (!ConsultationId.wellFormed(id)) {
      throw new NotFound();
    }
    return new ConsultationId(id);
  }

  private ConsultationResource found(ConsultationId id) {
    return find(id)
        .map(view -> ConsultationResource.of(view, language()))
        .orElseThrow(NotFound::new);
  }

  private Optional<ConsultationView> find(ConsultationId id) {
    return Answers.of(
        queries.query(
            new FindConsultation(id), ResponseTypes.optionalInstanceOf(ConsultationView.class)));
  }
}
