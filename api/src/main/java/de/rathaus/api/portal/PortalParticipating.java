package de.rathaus.api.portal;

import de.rathaus.api.participation.CommentResources.CommentInput;
import de.rathaus.api.participation.ProposalResources.ProposalInput;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ProposalProjection;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.Supports;
import de.rathaus.domain.participation.CommentContent;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.PostComment;
import de.rathaus.domain.participation.ProposalContent;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalRuleViolation;
import de.rathaus.domain.participation.SubmitProposal;
import de.rathaus.domain.shared.CitizenId;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.View;

/**
 * The signed-in citizen taking part (the CITIZEN role, see {@link PortalConfiguration}): proposing
 * in an open ideas consultation, supporting a proposal and withdrawing the support, commenting, and
 * rating a pilot project of a feedback consultation. Each sends the same command, through the same
 * {@link Supports} for supports and ratings, with the same phase rules as the API's {@code POST
 * /api/v1/consultations/{id}/proposals}, {@code PUT/DELETE /api/v1/proposals/{id}/support}, {@code
 * PUT …/rating} and {@code POST …/comments}, validates the same bodies ({@link ProposalInput},
 * {@link CommentInput}), and answers once the proposals' read model shows the change (a 303 to the
 * page that shows it). A rule of the domain refusing (the phase moved on meanwhile) is a message on
 * the page, never an error page.
 */
@Controller
@Hidden
@RequestMapping(PortalParticipationController.ROOT)
public class PortalParticipating {

  /** The paths only citizens use (every method): the security chain's and the sign-in's. */
  static final String[] CITIZENS = {
    PortalParticipationController.ROOT + "/*/vorschlagen",
    PortalParticipationController.ROOT + "/vorschlag/*/mitmachen",
    PortalParticipationController.ROOT + "/vorschlag/*/unterstuetzung",
    PortalParticipationController.ROOT + "/vorschlag/*/kommentare",
    PortalParticipationController.ROOT + "/vorschlag/*/bewertung"
  };

  static final String REQUIRED = "portal.form.error.REQUIRED";
  static final String TOO_LONG = "portal.form.error.TOO_LONG";

  /** A field of a form with its error, for the error summary: its id, label and message. */
  record Problem(String field, String label, String error) {}

  private final PortalParticipation participation;
  private final PortalTexts texts;
  private final Supports supports;
  private final CommandGateway commands;
  private final ReadYourWrites readYourWrites;
  private final Validator validator;
  private final Clock clock;

  public PortalParticipating(
      PortalParticipation participation,
      PortalTexts texts,
      Supports supports,
      CommandGateway commands,
      ReadYourWrites readYourWrites,
      Validator validator,
      Clock clock) {
    this.participation = participation;
    this.texts = texts;
    this.supports = supports;
    this.commands = commands;
    this.readYourWrites = readYourWrites;
    this.validator = validator;
    this.clock = clock;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalPage.layout(request, model, texts, "participation");
    model.addAttribute("account", PortalViews.account());
  }

  // --- proposing

  /** The form to propose something in a consultation (a message if it takes none now). */
  @GetMapping("/{id}/vorschlagen")
  String proposeForm(@PathVariable String id, Model model, HttpServletResponse response) {
    Optional<ConsultationView> consultation = participation.consultation(id);
    if (consultation.isEmpty()) {
      return PortalPage.notFound(model, response);
    }
    return proposePage(consultation.get(), Map.of(), Map.of(), model);
  }

  @PostMapping("/{id}/vorschlagen")
  String propose(
      @PathVariable String id,
      @RequestParam(name = "titel", required = false) String title,
      @RequestParam(name = "text", required = false) String text,
      @RequestParam(name = "name", required = false) String name,
      @RequestParam(name = "formular", required = false) String token,
      Authentication caller,
      Model model,
      HttpServletResponse response) {
    Optional<ConsultationView> found = participation.consultation(id);
    if (found.isEmpty()) {
      return PortalPage.notFound(model, response);
    }
    ConsultationView consultation = found.get();
    Map<String, String> entered = new LinkedHashMap<>();
    entered.put("titel", title == null ? "" : title);
    entered.put("text", text == null ? "" : text);
    entered.put("name", name == null ? "" : name);
    ProposalInput input = new ProposalInput(title, text, null, name);
    Map<String, String> errors =
        errors(
            validator.validate(input),
            Map.of("title", "titel", "text", "text", "displayName", "name"));
    if (!errors.isEmpty() || !wellFormedToken(token)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return proposePage(consultation, entered, errors, model);
    }
    CitizenId author = new CitizenId(Actor.of(caller).id());
    // the same form sent twice (a double click, a reload) is the same proposal, never a second
    ProposalId proposal = ProposalId.of(sameForm(author, token));
    if (participation.proposal(proposal.value()).isPresent()) {
      return seeOther(PortalParticipationController.ROOT + "/vorschlag/" + proposal.value());
    }
    SubmitProposal command =
        new SubmitProposal(
            proposal,
            consultation.id(),
            consultation.content().format(),
            consultation.phase(),
            author,
            new ProposalContent(name.strip(), title.strip(), text.strip(), null),
            clock.instant(),
            consultation.content().supportThreshold(),
            consultation.content().answerDeadlineDays());
    try {
      readYourWrites.run(() -> commands.sendAndWait(command), ProposalProjection.NAME);
    } catch (ProposalRuleViolation refused) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("refused", refused.code().name());
      // the consultation as it stands now (its phase moved on meanwhile)
      return proposePage(
          participation.consultation(id).orElse(consultation), entered, Map.of(), model);
    }
    return seeOther(PortalParticipationController.ROOT + "/vorschlag/" + proposal.value());
  }

  private String proposePage(
      ConsultationView consultation,
      Map<String, String> entered,
      Map<String, String> errors,
      Model model) {
    model.addAttribute(
        "here",
        PortalParticipationController.ROOT + "/" + consultation.id().value() + "/vorschlagen");
    model.addAttribute(
        "consultation",
        PortalPublicViews.detail(
            consultation,
            PortalPublicViews.byCode(participation.actionFields()),
            PortalPage.language()));
    model.addAttribute("open", PortalTaking.proposing(consultation));
    model.addAttribute("entered", entered);
    model.addAttribute("errors", errors);
    model.addAttribute(
        "summary",
        summary(
            errors,
            List.of(
                Map.entry("titel", "portal.taking.propose.title"),
                Map.entry("text", "portal.taking.propose.text"),
                Map.entry("name", "portal.taking.name"))));
    model.addAttribute("formular", UUID.randomUUID().toString());
    return "portal/mitmachen/vorschlagen";
  }

  // --- on a proposal's page

  /** Where "sign in to take part" leads: once signed in, back to the proposal's forms. */
  @GetMapping("/vorschlag/{id}/mitmachen")
  String takePart(@PathVariable String id, Model model, HttpServletResponse response) {
    if (participation.proposal(id).isEmpty()) {
      return PortalPage.notFound(model, response);
    }
    return seeOther(PortalParticipationController.ROOT + "/vorschlag/" + id + "#mitmachen");
  }

  /**
   * Supports the proposal ({@code aktion=unterstuetzen}) or withdraws the support ({@code
   * aktion=zuruecknehmen}); each is idempotent, as in the API, so a double click changes nothing.
   */
  @PostMapping("/vorschlag/{id}/unterstuetzung")
  String support(
      @PathVariable String id,
      @RequestParam(name = "aktion", required = false) String action,
      Authentication caller,
      Model model,
      HttpServletResponse response) {
    Optional<Target> target = target(id);
    if (target.isEmpty()) {
      return PortalPage.notFound(model, response);
    }
    boolean give = "unterstuetzen".equals(action);
    if (!give && !"zuruecknehmen".equals(action)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "portal/bad-request";
    }
    CitizenId citizen = new CitizenId(Actor.of(caller).id());
    Target t = target.get();
    return act(
        t,
        caller,
        model,
        response,
        () -> {
          if (give) {
            supports.support(
                citizen,
                t.proposal().id(),
                t.consultation().content().format(),
                t.consultation().phase(),
                clock.instant());
          } else {
            supports.withdraw(
                citizen,
                t.proposal().id(),
                t.consultation().content().format(),
                t.consultation().phase(),
                clock.instant());
          }
        },
        "#unterstuetzung");
  }

  /** Rates a pilot project with 1 to 5 stars, or changes the rating (as {@code PUT …/rating}). */
  @PostMapping("/vorschlag/{id}/bewertung")
  String rate(
      @PathVariable String id,
      @RequestParam(name = "sterne", required = false) String stars,
      Authentication caller,
      Model model,
      HttpServletResponse response) {
    Optional<Target> target = target(id);
    if (target.isEmpty()) {
      return PortalPage.notFound(model, response);
    }
    Integer given = stars != null && stars.matches("[1-5]") ? Integer.valueOf(stars) : null;
    Target t = target.get();
    if (given == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("ratingError", "portal.taking.rate.error");
      model.addAttribute(
          "summary",
          List.of(
              new Problem("sterne-1", "portal.taking.rate.legend", "portal.taking.rate.error")));
      return proposalPage(t, caller, model);
    }
    CitizenId citizen = new CitizenId(Actor.of(caller).id());
    return act(
        t,
        caller,
        model,
        response,
        () ->
            supports.rate(
                citizen,
                t.proposal().id(),
                t.consultation().content().format(),
                t.consultation().phase(),
                given,
                clock.instant()),
        "#bewertung");
  }

  /** Comments on the proposal; the page then shows the comment (its id is the fragment). */
  @PostMapping("/vorschlag/{id}/kommentare")
  String comment(
      @PathVariable String id,
      @RequestParam(name = "kommentar", required = false) String text,
      @RequestParam(name = "name", required = false) String name,
      @RequestParam(name = "formular", required = false) String token,
      Authentication caller,
      Model model,
      HttpServletResponse response) {
    Optional<Target> target = target(id);
    if (target.isEmpty()) {
      return PortalPage.notFound(model, response);
    }
    Target t = target.get();
    Map<String, String> errors =
        errors(
            validator.validate(new CommentInput(text, name, null)),
            Map.of("text", "kommentar", "displayName", "kommentar-name"));
    if (!errors.isEmpty() || !wellFormedToken(token)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("commentErrors", errors);
      model.addAttribute(
          "commentEntered",
          Map.of("kommentar", text == null ? "" : text, "name", name == null ? "" : name));
      model.addAttribute(
          "summary",
          summary(
              errors,
              List.of(
                  Map.entry("kommentar", "portal.taking.comment.text"),
                  Map.entry("kommentar-name", "portal.taking.name"))));
      return proposalPage(t, caller, model);
    }
    CitizenId author = new CitizenId(Actor.of(caller).id());
    CommentId comment = CommentId.of(sameForm(author, token));
    boolean already = t.proposal().comments().stream().anyMatch(c -> c.id().equals(comment));
    String anchor = "#" + comment.value();
    if (already) {
      return seeOther(PortalParticipationController.ROOT + "/vorschlag/" + id + anchor);
    }
    PostComment command =
        new PostComment(
            t.proposal().id(),
            comment,
            null,
            author,
            t.consultation().content().format(),
            t.consultation().phase(),
            new CommentContent(name.strip(), text.strip()),
            clock.instant());
    return act(t, caller, model, response, () -> commands.sendAndWait(command), anchor);
  }

  /** A proposal and its consultation, as their read models show them to the public. */
  private record Target(ProposalView proposal, ConsultationView consultation) {}

  private Optional<Target> target(String id) {
    return participation
        .proposal(id)
        .flatMap(
            proposal ->
                participation
                    .consultation(proposal.consultation().value())
                    .map(consultation -> new Target(proposal, consultation)));
  }

  /**
   * Sends the citizen's command; once the proposals' read model shows it, back to the proposal's
   * page. Refused by a rule of the domain: the proposal's page as it stands now, saying why.
   */
  private String act(
      Target target,
      Authentication caller,
      Model model,
      HttpServletResponse response,
      Runnable command,
      String anchor) {
    try {
      readYourWrites.run(
          () -> {
            command.run();
            return null;
          },
          ProposalProjection.NAME);
    } catch (ProposalRuleViolation refused) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("refused", refused.code().name());
      return proposalPage(target(target.proposal().id().value()).orElse(target), caller, model);
    }
    return seeOther(
        PortalParticipationController.ROOT
            + "/vorschlag/"
            + target.proposal().id().value()
            + anchor);
  }

  private String proposalPage(Target target, Authentication caller, Model model) {
    model.addAttribute(
        "here",
        PortalParticipationController.ROOT + "/vorschlag/" + target.proposal().id().value());
    PortalProposalPage.fill(
        model,
        participation,
        supports,
        target.proposal(),
        target.consultation(),
        caller,
        clock.instant());
    return "portal/beteiligung/vorschlag";
  }

  /** The fields refused by the API's body constraints: the field's id and the message. */
  private static Map<String, String> errors(
      java.util.Set<? extends ConstraintViolation<?>> violations, Map<String, String> fields) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (ConstraintViolation<?> v : violations) {
      String field = fields.get(v.getPropertyPath().toString());
      if (field == null) {
        continue;
      }
      boolean tooLong =
          v.getConstraintDescriptor().getAnnotation() instanceof Size
              && v.getInvalidValue() instanceof String s
              && !s.isBlank();
      errors.merge(field, tooLong ? TOO_LONG : REQUIRED, (a, b) -> a.equals(REQUIRED) ? a : b);
    }
    return errors;
  }

  /** The summary at the top, in the order of the form's fields. */
  private static List<Problem> summary(
      Map<String, String> errors, List<Map.Entry<String, String>> labels) {
    return labels.stream()
        .filter(l -> errors.containsKey(l.getKey()))
        .map(l -> new Problem(l.getKey(), l.getValue(), errors.get(l.getKey())))
        .toList();
  }

  private static boolean wellFormedToken(String token) {
    return token != null && token.matches("[0-9a-f-]{36}");
  }

  private static UUID sameForm(CitizenId citizen, String token) {
    return UUID.nameUUIDFromBytes(
        ("portal|" + citizen.value() + "|" + token).getBytes(StandardCharsets.UTF_8));
  }

  /** A 303 to the page that shows the result (Post/Redirect/Get). */
  private static String seeOther(String target) {
    RequestContextHolder.currentRequestAttributes()
        .setAttribute(
            View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER, RequestAttributes.SCOPE_REQUEST);
    return "redirect:" + target;
  }
}
