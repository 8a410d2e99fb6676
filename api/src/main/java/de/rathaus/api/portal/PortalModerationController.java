package de.rathaus.api.portal;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Role;
import de.rathaus.application.participation.CommentView;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ListProposals;
import de.rathaus.application.participation.ModerationLogProjection;
import de.rathaus.application.participation.ProposalProjection;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.ModerateProposal;
import de.rathaus.domain.participation.ModerationAction;
import de.rathaus.domain.participation.ModeratorRole;
import de.rathaus.domain.participation.ProposalRuleViolation;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Moderation in the open, for moderators and administrators (the roles of {@code POST
 * /api/v1/proposals/{id}/moderation}): the public consultations with their proposals, and a
 * proposal's moderation page with a form to hide or restore it, and each of its comments, always
 * with a public reason. Each form sends the API's command ({@code ModerateProposal}, in the
 * caller's role) and waits, as the API does, until the proposals and the public moderation log show
 * it. A hidden proposal or comment is shown as the public sees it (that it is hidden, and why),
 * never its text.
 */
@Controller
@Hidden
@RequestMapping(PortalStaff.MODERATION)
public class PortalModerationController {

  /** The longest reason, as the API's body allows. */
  static final int MAX_REASON = 1_000;

  private final PortalParticipation participation;
  private final PortalTexts texts;
  private final CommandGateway commands;
  private final ReadYourWrites readYourWrites;
  private final Clock clock;

  public PortalModerationController(
      PortalParticipation participation,
      PortalTexts texts,
      CommandGateway commands,
      ReadYourWrites readYourWrites,
      Clock clock) {
    this.participation = participation;
    this.texts = texts;
    this.commands = commands;
    this.readYourWrites = readYourWrites;
    this.clock = clock;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalStaff.layout(request, model, texts);
  }

  /** A consultation with its proposals, as the moderation list shows them. */
  record Listed(PortalPublicViews.ConsultationSummary consultation, List<Item> proposals) {}

  /** A proposal in the list: its title (none when hidden), whether hidden and why. */
  record Item(String id, String title, boolean hidden, String reason, int comments) {}

  @GetMapping
  String list(Model model) {
    String language = PortalPage.language();
    var fields = PortalPublicViews.byCode(participation.actionFields());
    List<Listed> listed = new ArrayList<>();
    for (ConsultationView consultation :
        participation
            .consultations(null, null, null, PortalParticipationController.PAGE_SIZE)
            .items()) {
      List<Item> items =
          participation
              .proposals(
                  consultation.id(),
                  ListProposals.Order.NEWEST,
                  null,
                  PortalParticipationController.PAGE_SIZE)
              .items()
              .stream()
              .map(
                  p ->
                      new Item(
                          p.id().value(),
                          p.hidden() ? null : p.title(),
                          p.hidden(),
                          p.moderation().reason(),
                          p.comments().size()))
              .toList();
      listed.add(new Listed(PortalPublicViews.summary(consultation, fields, language), items));
    }
    model.addAttribute("consultations", listed);
    return "portal/verwaltung/moderation";
  }

  /** A comment as the moderation page shows it: hidden ones without their text. */
  record Comment(String id, String text, boolean hidden, boolean reply) {}

  @GetMapping("/{id}")
  ModelAndView proposal(
      @PathVariable String id, @RequestParam(name = "erledigt", required = false) String done) {
    return participation
        .proposal(id)
        .map(
            p -> {
              ModelAndView page = page(p, HttpStatus.OK, Map.of(), null, null, null);
              page.addObject("done", done != null);
              return page;
            })
        .orElseGet(PortalStaff::notFound);
  }

  /**
   * Hides or restores the proposal, or with {@code kommentar} one of its comments; the reason
   * ({@code grund}) is required. Hiding what is hidden or restoring what is visible (someone else
   * was quicker) is a message on the page (409); a comment the proposal does not have, the 404
   * page.
   */
  @PostMapping("/{id}")
  ModelAndView moderate(
      @PathVariable String id,
      @RequestParam(name = "aktion", required = false) String action,
      @RequestParam(name = "grund", required = false) String reason,
      @RequestParam(name = "kommentar", required = false) String comment,
      Authentication caller) {
    Optional<ProposalView> found = participation.proposal(id);
    if (found.isEmpty()) {
      return PortalStaff.notFound();
    }
    ProposalView proposal = found.get();
    CommentId commentId = null;
    if (comment != null && !comment.isBlank()) {
      if (!CommentId.wellFormed(comment)
          || proposal.comments().stream().noneMatch(c -> c.id().value().equals(comment))) {
        return PortalStaff.notFound();
      }
      commentId = new CommentId(comment);
    }
    ModerationAction chosen;
    try {
      chosen = ModerationAction.valueOf(action == null ? "" : action);
    } catch (IllegalArgumentException unknown) {
      ModelAndView page = new ModelAndView("portal/bad-request", HttpStatus.BAD_REQUEST);
      return page;
    }
    String text = PortalStaff.given(reason);
    String field = commentId == null ? "grund" : "grund-" + commentId.value();
    String error =
        text == null
            ? "portal.form.error.REQUIRED"
            : text.length() > MAX_REASON ? "portal.form.error.TOO_LONG" : null;
    if (error != null) {
      return page(proposal, HttpStatus.BAD_REQUEST, Map.of(field, error), field, reason, null);
    }
    ModerateProposal command =
        new ModerateProposal(proposal.id(), commentId, chosen, text, role(caller), clock.instant());
    try {
      readYourWrites.run(
          () -> commands.sendAndWait(command),
          ProposalProjection.NAME,
          ModerationLogProjection.NAME);
    } catch (ProposalRuleViolation refused) {
      if (refused.code() == ProposalRuleViolation.Code.UNKNOWN_COMMENT) {
        return PortalStaff.notFound();
      }
      ProposalView now = participation.proposal(id).orElse(proposal);
      return page(now, HttpStatus.CONFLICT, Map.of(), null, null, refused.code().name());
    }
    return PortalStaff.seeOther(PortalStaff.MODERATION + "/" + proposal.id().value() + "?erledigt");
  }

  /** Only moderators and administrators reach here (the portal's security chain). */
  private static ModeratorRole role(Authentication caller) {
    return Actor.of(caller).role() == Role.ADMIN ? ModeratorRole.ADMIN : ModeratorRole.MODERATOR;
  }

  private ModelAndView page(
      ProposalView proposal,
      HttpStatus status,
      Map<String, String> errors,
      String field,
      String entered,
      String conflict) {
    ModelAndView page = new ModelAndView("portal/verwaltung/moderation-vorschlag", status);
    page.addObject("here", PortalStaff.MODERATION + "/" + proposal.id().value());
    page.addObject("id", proposal.id().value());
    page.addObject("consultationId", proposal.consultation().value());
    page.addObject("proposalTitle", proposal.hidden() ? null : proposal.title());
    page.addObject("text", proposal.hidden() ? null : proposal.text());
    page.addObject("hidden", proposal.hidden());
    page.addObject("reason", proposal.moderation().reason());
    List<CommentId> hiddenOnes =
        proposal.comments().stream().filter(CommentView::hidden).map(CommentView::id).toList();
    page.addObject(
        "comments",
        proposal.comments().stream()
            .map(
                c ->
                    new Comment(
                        c.id().value(),
                        c.hidden() || hiddenOnes.contains(c.parent()) ? null : c.text(),
                        c.hidden(),
                        c.parent() != null))
            .toList());
    page.addObject("errors", errors);
    page.addObject("field", field);
    page.addObject("entered", entered);
    page.addObject("conflict", conflict);
    page.addObject("done", false);
    return page;
  }
}
