package de.rathaus.api.portal;

import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.participation.ConsultationPage;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ListProposals;
import de.rathaus.application.participation.ModerationLogPage;
import de.rathaus.application.participation.ProposalPage;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.Supports;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ConsultationPhase;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of e-participation (no sign-in): the consultations by action field and phase, a
 * consultation with its proposals, a proposal with its comments, supports or ratings and the city's
 * answers, a consultation's results and its public moderation log. Each shows what the API shows an
 * anonymous caller ({@link PortalParticipation}); drafts are unknown (404), as they are there.
 */
@Controller
@Hidden
@RequestMapping(PortalParticipationController.ROOT)
public class PortalParticipationController {

  /** Where the participation pages live. */
  static final String ROOT = PortalController.ROOT + "/beteiligung";

  /** How many items a page of the portal lists. */
  static final int PAGE_SIZE = 50;

  /** The phases the public sees, in their order. */
  static final List<ConsultationPhase> PUBLIC_PHASES =
      Arrays.stream(ConsultationPhase.values()).filter(ConsultationPhase::isPublic).toList();

  private final PortalParticipation participation;
  private final PortalTexts texts;
  private final Clock clock;
  private final Supports supports;

  public PortalParticipationController(
      PortalParticipation participation, PortalTexts texts, Clock clock, Supports supports) {
    this.participation = participation;
    this.texts = texts;
    this.clock = clock;
    this.supports = supports;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalPage.layout(request, model, texts, "participation");
    // who is signed in: the citizen's forms (PortalParticipating) or the offer to sign in
    model.addAttribute("account", PortalViews.account());
  }

  /**
   * The public consultations, opening last first, filtered by action field ({@code feld}) and phase
   * ({@code phase}); an unknown value of either, or a {@code weiter} that no page made, answers 400
   * with the error next to its field.
   */
  @GetMapping
  String consultations(
      @RequestParam(name = "feld", required = false) String field,
      @RequestParam(name = "phase", required = false) String phase,
      @RequestParam(name = "weiter", required = false) String cursor,
      Model model,
      HttpServletResponse response) {
    String language = PortalPage.language();
    List<ActionFieldView> fields = participation.actionFields();
    List<PortalPublicViews.ActionFieldOption> options = PortalPublicViews.options(fields, language);
    String feld = field == null || field.isBlank() ? null : field.strip();
    String chosenPhase = phase == null || phase.isBlank() ? null : phase.strip();
    ConsultationPhase wanted =
        chosenPhase == null
            ? null
            : PUBLIC_PHASES.stream()
                .filter(p -> p.name().equalsIgnoreCase(chosenPhase))
                .findFirst()
                .orElse(null);
    boolean fieldError = feld != null && options.stream().noneMatch(o -> o.code().equals(feld));
    boolean phaseError = chosenPhase != null && wanted == null;
    model.addAttribute("feld", feld);
    model.addAttribute("phase", wanted == null ? chosenPhase : wanted.name());
    model.addAttribute("fields", options);
    model.addAttribute("phases", PUBLIC_PHASES.stream().map(Enum::name).toList());
    model.addAttribute("fieldError", fieldError);
    model.addAttribute("phaseError", phaseError);
    model.addAttribute("cursorError", false);
    model.addAttribute("consultations", List.of());
    if (fieldError || phaseError) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "portal/beteiligung/verfahren";
    }
    ConsultationPage page;
    try {
      page =
          participation.consultations(
              feld == null ? null : new ActionFieldCode(feld), wanted, cursor, PAGE_SIZE);
    } catch (Page.InvalidPageRequest badCursor) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("cursorError", true);
      return "portal/beteiligung/verfahren";
    }
    Map<String, ActionFieldView> byCode = PortalPublicViews.byCode(fields);
    model.addAttribute(
        "consultations",
        page.items().stream().map(c -> PortalPublicViews.summary(c, byCode, language)).toList());
    model.addAttribute("next", page.next());
    model.addAttribute("filtered", feld != null || wanted != null);
    return "portal/beteiligung/verfahren";
  }

  /** A consultation: its phase, dates, description, and its proposals (most supported first). */
  @GetMapping("/{id}")
  String consultation(
      @PathVariable String id,
      @RequestParam(name = "weiter", required = false) String cursor,
      Authentication caller,
      Model model,
      HttpServletResponse response) {
    Optional<ConsultationView> found = participation.consultation(id);
    if (found.isEmpty()) {
      return PortalPage.notFound(model, response);
    }
    String language = PortalPage.language();
    ConsultationView view = found.get();
    model.addAttribute(
        "consultation",
        PortalPublicViews.detail(
            view, PortalPublicViews.byCode(participation.actionFields()), language));
    ProposalPage page;
    try {
      page = participation.proposals(view.id(), ListProposals.Order.SUPPORTS, cursor, PAGE_SIZE);
    } catch (Page.InvalidPageRequest badCursor) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "portal/bad-request";
    }
    model.addAttribute(
        "proposals",
        page.items().stream().map(p -> PortalPublicViews.summary(p, language)).toList());
    model.addAttribute("next", page.next());
    model.addAttribute("taking", PortalTaking.onConsultation(view, caller));
    return "portal/beteiligung/verfahren-seite";
  }

  /** A proposal, or a pilot project of a feedback consultation, as the public reads it. */
  @GetMapping("/vorschlag/{id}")
  String proposal(
      @PathVariable String id, Authentication caller, Model model, HttpServletResponse response) {
    Optional<ProposalView> found = participation.proposal(id);
    Optional<ConsultationView> consultation =
        found.flatMap(p -> participation.consultation(p.consultation().value()));
    if (found.isEmpty() || consultation.isEmpty()) {
      return PortalPage.notFound(model, response);
    }
    PortalProposalPage.fill(
        model, participation, supports, found.get(), consultation.get(), caller, clock.instant());
    return "portal/beteiligung/vorschlag";
  }

  /** What came of a consultation so far, with the city's answers. */
  @GetMapping("/{id}/ergebnisse")
  String results(@PathVariable String id, Model model, HttpServletResponse response) {
    Optional<ConsultationView> found = participation.consultation(id);
    if (found.isEmpty()) {
      return PortalPage.notFound(model, response);
    }
    String language = PortalPage.language();
    ConsultationView view = found.get();
    model.addAttribute(
        "consultation",
        PortalPublicViews.detail(
            view, PortalPublicViews.byCode(participation.actionFields()), language));
    model.addAttribute(
        "results",
        PortalPublicViews.results(
            view, participation.results(view.id(), clock.instant()), language));
    return "portal/beteiligung/ergebnisse";
  }

  /** A consultation's public moderation log, newest first: never the content, never who. */
  @GetMapping("/{id}/moderation")
  String moderation(
      @PathVariable String id,
      @RequestParam(name = "weiter", required = false) String cursor,
      Model model,
      HttpServletResponse response) {
    Optional<ConsultationView> found = participation.consultation(id);
    if (found.isEmpty()) {
      return PortalPage.notFound(model, response);
    }
    String language = PortalPage.language();
    ConsultationView view = found.get();
    ModerationLogPage page;
    try {
      page = participation.moderationLog(view.id(), cursor, PAGE_SIZE);
    } catch (Page.InvalidPageRequest badCursor) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "portal/bad-request";
    }
    model.addAttribute(
        "consultation",
        PortalPublicViews.detail(
            view, PortalPublicViews.byCode(participation.actionFields()), language));
    model.addAttribute(
        "entries", page.items().stream().map(e -> PortalPublicViews.note(e, language)).toList());
    model.addAttribute("next", page.next());
    return "portal/beteiligung/moderation";
  }
}
