package de.rathaus.api.portal;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.participation.ConsultationAdministration;
import de.rathaus.application.participation.ConsultationPage;
import de.rathaus.application.participation.ConsultationProjection;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.FindConsultation;
import de.rathaus.application.participation.ListConsultations;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ConsultationRuleViolation;
import de.rathaus.domain.participation.MoveConsultationPhase;
import de.rathaus.domain.participation.SustainabilityGoal;
import de.rathaus.domain.shared.LocalizedText;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Consultations (Beteiligungsverfahren) for administrators, the role of {@code POST/PUT
 * /api/v1/consultations…}: every consultation with drafts, a new one's draft, and a consultation's
 * page with its data, its draft's form and its phase move. Each sends what the API sends ({@link
 * ConsultationAdministration#draft}/{@link ConsultationAdministration#revise}, which check the
 * action field and department, {@code MoveConsultationPhase}) and waits, as the API does, until the
 * consultations' read model shows it. A rule of the domain refused is a message on the page: at its
 * field (422) for a rule of the content, above the forms (409) for a rule of the phases.
 */
@Controller
@Hidden
@RequestMapping(PortalConsultationAdministration.ROOT)
public class PortalConsultationAdministration {

  static final String ROOT = PortalStaff.ROOT + "/beteiligung";

  /** How many consultations a page of the list shows. */
  static final int PAGE_SIZE = 50;

  /** The phases an administrator may move a consultation to (the API's {@code PhaseTarget}). */
  static final List<ConsultationPhase> TARGETS =
      Arrays.stream(ConsultationPhase.values()).filter(ConsultationPhase::isPublic).toList();

  private final PortalTexts texts;
  private final PortalParticipation participation;
  private final PortalCatalogue catalogue;
  private final ConsultationAdministration administration;
  private final CommandGateway commands;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;
  private final Clock clock;

  public PortalConsultationAdministration(
      PortalTexts texts,
      PortalParticipation participation,
      PortalCatalogue catalogue,
      ConsultationAdministration administration,
      CommandGateway commands,
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      Clock clock) {
    this.texts = texts;
    this.participation = participation;
    this.catalogue = catalogue;
    this.administration = administration;
    this.commands = commands;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
    this.clock = clock;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalStaff.layout(request, model, texts);
  }

  // --- the list

  @GetMapping
  ModelAndView list(@RequestParam(name = "weiter", required = false) String cursor) {
    String language = PortalPage.language();
    ConsultationPage page;
    try {
      page =
          Answers.of(
              queries.query(
                  new ListConsultations(null, null, null, null, true, cursor, PAGE_SIZE),
                  ResponseTypes.instanceOf(ConsultationPage.class)));
    } catch (Page.InvalidPageRequest badCursor) {
      return new ModelAndView("portal/bad-request", HttpStatus.BAD_REQUEST);
    }
    Map<String, ActionFieldView> fields = PortalPublicViews.byCode(participation.actionFields());
    ModelAndView list = new ModelAndView("portal/verwaltung/beteiligungen", HttpStatus.OK);
    list.addObject(
        "consultations",
        page.items().stream().map(c -> PortalPublicViews.summary(c, fields, language)).toList());
    list.addObject("next", page.next());
    return list;
  }

  // --- a new consultation

  @GetMapping("/neu")
  ModelAndView fresh() {
    return formPage(null, PortalConsultationForm.of(null), HttpStatus.OK);
  }

  /**
   * Drafts the consultation the form describes. The form carries a token of its own ({@code
   * formular}), from which the new consultation's id is made: the same form sent twice (a double
   * click, a reload) drafts one consultation, as the API's {@code Idempotency-Key} does.
   */
  @PostMapping("/neu")
  ModelAndView draft(@RequestParam MultiValueMap<String, String> sent, Authentication caller) {
    PortalConsultationForm form = PortalConsultationForm.sent(sent);
    String token = sent.getFirst("formular");
    if (!form.valid() || token == null || !token.matches("[0-9a-f-]{36}")) {
      // with mistakes, or a form not made by this page: shown anew, with a token of its own
      return formPage(null, form, HttpStatus.BAD_REQUEST);
    }
    ConsultationId id =
        ConsultationId.of(
            UUID.nameUUIDFromBytes(
                ("portal|consultation|" + Actor.of(caller).id() + "|" + token)
                    .getBytes(StandardCharsets.UTF_8)));
    ModelAndView drafted = PortalStaff.seeOther(ROOT + "/" + id.value() + "?gespeichert");
    if (find(id.value()).isPresent()) {
      return drafted;
    }
    try {
      return change(
              form,
              () -> administration.draft(id, form.content()),
              status -> formPage(null, form, status))
          .orElse(drafted);
    } catch (ConcurrencyException sentTwiceAtOnce) {
      return drafted;
    }
  }

  // --- a consultation's page

  @GetMapping("/{id}")
  ModelAndView consultation(
      @PathVariable String id,
      @RequestParam(name = "gespeichert", required = false) String saved,
      @RequestParam(name = "verschoben", required = false) String moved) {
    Optional<ConsultationView> found = find(id);
    if (found.isEmpty()) {
      return PortalStaff.notFound();
    }
    ModelAndView page = consultationPage(found.get(), null, HttpStatus.OK);
    page.addObject("done", saved != null ? "saved" : moved != null ? "moved" : null);
    return page;
  }

  @PostMapping("/{id}")
  ModelAndView revise(@PathVariable String id, @RequestParam MultiValueMap<String, String> sent) {
    Optional<ConsultationView> found = find(id);
    if (found.isEmpty()) {
      return PortalStaff.notFound();
    }
    ConsultationView view = found.get();
    PortalConsultationForm form = PortalConsultationForm.sent(sent);
    if (!form.valid()) {
      return consultationPage(view, form, HttpStatus.BAD_REQUEST);
    }
    Optional<ModelAndView> refused =
        change(
            form,
            () -> administration.revise(view.id(), form.content()),
            status -> consultationPage(find(id).orElse(view), form, status));
    return refused.orElseGet(() -> PortalStaff.seeOther(ROOT + "/" + id + "?gespeichert"));
  }

  @PostMapping("/{id}/phase")
  ModelAndView move(
      @PathVariable String id,
      @RequestParam(name = "phase", required = false) String phase,
      @RequestParam(name = "summary_de", required = false) String summaryDe,
      @RequestParam(name = "summary_en", required = false) String summaryEn) {
    Optional<ConsultationView> found = find(id);
    if (found.isEmpty()) {
      return PortalStaff.notFound();
    }
    ConsultationView view = found.get();
    PhaseForm form = new PhaseForm(phase, summaryDe, summaryEn);
    ConsultationPhase target = form.check();
    if (target == null) {
      return phaseRefused(view, form, HttpStatus.BAD_REQUEST);
    }
    LocalizedText summary =
        form.summaryDe() == null && form.summaryEn() == null
            ? null
            : new LocalizedText(form.summaryDe(), form.summaryEn());
    try {
      readYourWrites.run(
          () ->
              commands.sendAndWait(
                  new MoveConsultationPhase(view.id(), target, summary, clock.instant())),
          ConsultationProjection.NAME);
    } catch (ConsultationRuleViolation refused) {
      ConsultationView now = find(id).orElse(view);
      if (refused.code().field() != null) {
        form.errors().put("summary_de", "portal.staff.consultations.rule." + refused.code());
        return phaseRefused(now, form, HttpStatus.UNPROCESSABLE_ENTITY);
      }
      ModelAndView page = phaseRefused(now, form, HttpStatus.CONFLICT);
      page.addObject("conflict", refused.code().name());
      return page;
    } catch (AggregateNotFoundException unknown) {
      return PortalStaff.notFound();
    }
    return PortalStaff.seeOther(ROOT + "/" + id + "?verschoben");
  }

  /** The phase form as sent: the target and the result summary, checked as the API's body. */
  record PhaseForm(String phase, String summaryDe, String summaryEn, Map<String, String> errors) {

    PhaseForm(String phase, String summaryDe, String summaryEn) {
      this(
          PortalStaff.given(phase),
          PortalStaff.given(summaryDe),
          PortalStaff.given(summaryEn),
          new java.util.LinkedHashMap<>());
    }

    /** The target phase, or null with the errors recorded. */
    ConsultationPhase check() {
      ConsultationPhase target =
          phase == null
              ? null
              : TARGETS.stream()
                  .filter(p -> p.name().equals(phase.toUpperCase(Locale.ROOT)))
                  .findFirst()
                  .orElse(null);
      if (target == null) {
        errors.put(
            "phase",
            phase == null ? "portal.form.error.REQUIRED" : "portal.form.error.NOT_ALLOWED_VALUE");
      }
      if (summaryDe == null && summaryEn != null) {
        errors.put("summary_de", "portal.form.error.REQUIRED");
      }
      if (summaryDe != null && summaryDe.length() > PortalConsultationForm.MAX_TEXT) {
        errors.put("summary_de", "portal.form.error.TOO_LONG");
      }
      if (summaryEn != null && summaryEn.length() > PortalConsultationForm.MAX_TEXT) {
        errors.put("summary_en", "portal.form.error.TOO_LONG");
      }
      return errors.isEmpty() ? target : null;
    }

    /** The error summary of the phase form, each linking to its field. */
    List<PortalConsultationForm.Problem> summary() {
      List<PortalConsultationForm.Problem> summary = new ArrayList<>();
      for (String name : List.of("phase", "summary_de", "summary_en")) {
        if (errors.containsKey(name)) {
          summary.add(
              new PortalConsultationForm.Problem(
                  "feld-" + name, "portal.staff.consultations.field." + name, errors.get(name)));
        }
      }
      return summary;
    }
  }

  private ModelAndView phaseRefused(ConsultationView view, PhaseForm form, HttpStatus status) {
    ModelAndView page = consultationPage(view, null, status);
    page.addObject("phaseForm", form);
    page.addObject("phaseSummary", form.summary());
    return page;
  }

  /**
   * Sends a draft or revision as the API does, waiting for the read model; a refusal of the engine
   * is the page {@code refusedPage} makes with its status: a rule of the content or an unknown
   * reference at its field (422), a rule of the phases above the form (409).
   */
  private Optional<ModelAndView> change(
      PortalConsultationForm form,
      Runnable change,
      java.util.function.Function<HttpStatus, ModelAndView> refusedPage) {
    try {
      readYourWrites.run(
          () -> {
            change.run();
            return null;
          },
          ConsultationProjection.NAME);
      return Optional.empty();
    } catch (ConsultationAdministration.UnknownReference unknown) {
      form.refused(unknown.field(), "portal.staff.consultations.error.unknown-" + unknown.field());
      return Optional.of(refusedPage.apply(HttpStatus.UNPROCESSABLE_ENTITY));
    } catch (ConsultationRuleViolation refused) {
      if (refused.code().field() != null) {
        form.refused(refused.code().field(), "portal.staff.consultations.rule." + refused.code());
        return Optional.of(refusedPage.apply(HttpStatus.UNPROCESSABLE_ENTITY));
      }
      ModelAndView page = refusedPage.apply(HttpStatus.CONFLICT);
      page.addObject("conflict", refused.code().name());
      return Optional.of(page);
    }
  }

  /** A phase an administrator may move a consultation to from where it stands. */
  record Move(String phase, boolean needsSummary) {}

  /** The moves the domain allows by hand: one phase on; an open one may close without voting. */
  static List<Move> moves(ConsultationView view) {
    ConsultationPhase now = view.phase();
    List<Move> moves = new ArrayList<>();
    for (ConsultationPhase target : TARGETS) {
      boolean oneStep = target.ordinal() == now.ordinal() + 1;
      boolean closesWithoutVoting =
          now == ConsultationPhase.OPEN && target == ConsultationPhase.CLOSED;
      boolean voting = target == ConsultationPhase.VOTING;
      if ((oneStep || closesWithoutVoting) && !(voting && !view.content().format().hasVoting())) {
        moves.add(new Move(target.name(), target == ConsultationPhase.RESULTS_PUBLISHED));
      }
    }
    return moves;
  }

  private ModelAndView consultationPage(
      ConsultationView view, PortalConsultationForm sent, HttpStatus status) {
    PortalConsultationForm form = sent != null ? sent : PortalConsultationForm.of(view.content());
    ModelAndView page = formPage(view.id().value(), form, status);
    String language = PortalPage.language();
    page.addObject(
        "consultation",
        PortalPublicViews.detail(
            view, PortalPublicViews.byCode(participation.actionFields()), language));
    page.addObject("draft", view.phase() == ConsultationPhase.DRAFT);
    page.addObject("moves", moves(view));
    page.addObject("phaseForm", new PhaseForm(null, null, null));
    page.addObject("phaseSummary", List.of());
    page.addObject("conflict", null);
    page.addObject("done", null);
    return page;
  }

  private ModelAndView formPage(String id, PortalConsultationForm form, HttpStatus status) {
    ModelAndView page =
        new ModelAndView(
            id == null ? "portal/verwaltung/beteiligung-neu" : "portal/verwaltung/beteiligung",
            status);
    page.addObject("id", id);
    page.addObject("formular", id == null ? UUID.randomUUID().toString() : null);
    page.addObject("entered", form.entered());
    page.addObject("chosenGoals", form.goals());
    page.addObject("errors", form.errors());
    page.addObject("summary", form.summary());
    page.addObject("conflict", null);
    String language = PortalPage.language();
    page.addObject("formats", Arrays.stream(ConsultationFormat.values()).map(Enum::name).toList());
    page.addObject(
        "goals",
        Arrays.stream(SustainabilityGoal.values())
            .map(g -> new Goal(g.number(), PortalViews.Localized.of(g.title(), language)))
            .toList());
    page.addObject(
        "actionFields",
        participation.actionFields().stream()
            .filter(ActionFieldView::active)
            .map(f -> Map.entry(f.code().value(), PortalViews.Localized.of(f.name(), language)))
            .toList());
    page.addObject(
        "departments",
        catalogue.departments().stream()
            .filter(DepartmentView::active)
            .map(d -> Map.entry(d.code().value(), PortalViews.Localized.of(d.name(), language)))
            .toList());
    return page;
  }

  /** A sustainability goal to choose: its number and title. */
  record Goal(int number, PortalViews.Localized title) {}

  /** Any consultation, drafts included (for administrators, as the API's {@code GET {id}}). */
  private Optional<ConsultationView> find(String id) {
    if (!ConsultationId.wellFormed(id)) {
      return Optional.empty();
    }
    return Answers.of(
        queries.query(
            new FindConsultation(new ConsultationId(id)),
            ResponseTypes.optionalInstanceOf(ConsultationView.class)));
  }
}
