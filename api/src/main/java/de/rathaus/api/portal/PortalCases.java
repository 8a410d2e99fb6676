package de.rathaus.api.portal;

import de.rathaus.api.portal.PortalViews.DepartmentOption;
import de.rathaus.api.portal.PortalViews.Localized;
import de.rathaus.api.servicerequest.CaseDesk;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.PlausibleDate;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.servicerequest.CaseQueuePage;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.ObjectionOutcome;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clerks' pages (the CLERK role, see {@link PortalConfiguration}): their department's work
 * queue with its filters and overdue marks, and a case's page with the request, the applicant's
 * contact, the timeline, the questions to the applicant, the internal notes and the forms of a
 * clerk's work: take or hand on the case, forward it, ask (and stop asking) the applicant, note,
 * decide, decide an objection, close. Every read and every action goes through {@link CaseDesk}, as
 * the API's {@code /api/v1/cases} does: the same commands, the same department check (a case of
 * another department is the 404 page), the same entry in the applicant's access log for every page
 * that shows their data, and the same read-your-writes wait before the page that shows the result.
 */
@Controller
@Hidden
@RequestMapping(PortalCases.ROOT)
public class PortalCases {

  static final String ROOT = PortalController.ROOT + "/sachbearbeitung";

  /** The longest texts, as the API's bodies allow them. */
  static final Map<String, Integer> LONGEST =
      Map.ofEntries(
          Map.entry("zustaendig", 100),
          Map.entry("amt", 63),
          Map.entry("weiterleitung-grund", 2_000),
          Map.entry("frage", 5_000),
          Map.entry("abbruch-grund", 2_000),
          Map.entry("notiz", 10_000),
          Map.entry("begruendung", 20_000),
          Map.entry("rechtsgrundlage", 1_000),
          Map.entry("widerspruch-begruendung", 20_000),
          Map.entry("aktenzeichen", 40),
          Map.entry("name", 200));

  private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

  private final CaseDesk desk;
  private final PortalCatalogue catalogue;
  private final PortalTexts texts;
  private final Clock clock;

  public PortalCases(CaseDesk desk, PortalCatalogue catalogue, PortalTexts texts, Clock clock) {
    this.desk = desk;
    this.catalogue = catalogue;
    this.texts = texts;
    this.clock = clock;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalPage.layout(request, model, texts, "cases");
    model.addAttribute("account", PortalViews.account());
  }

  // --- the queue

  /** A case in the queue. */
  record Queued(
      String id,
      String caseNumber,
      Localized service,
      String status,
      String submitted,
      String due,
      boolean overdue,
      boolean answerOverdue,
      String assignee) {}

  /**
   * The department's queue, oldest due date first, a page at a time, filtered by status ({@code
   * stand}), assignee ({@code zustaendig}, {@code ich} for the caller), overdue cases, overdue
   * answers, case number and the applicant's name; a value no filter takes is the page again with
   * the error next to its field (400).
   */
  @GetMapping
  ModelAndView queue(@RequestParam MultiValueMap<String, String> sent, Authentication caller) {
    Localized department;
    try {
      department = departmentName(caller);
    } catch (NotFound noDepartment) {
      return notFound("queue");
    }
    Map<String, String> entered = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field :
        List.of("stand", "zustaendig", "ueberfaellig", "antwort", "aktenzeichen", "name")) {
      String value = sent.getFirst(field);
      if (value != null && !value.isBlank()) {
        entered.put(field, value.strip());
      }
    }
    tooLong(entered, errors, "aktenzeichen", "name");
    RequestStatus status = null;
    if (entered.containsKey("stand")) {
      status =
          Arrays.stream(RequestStatus.values())
              .filter(s -> s.name().equals(entered.get("stand")))
              .findFirst()
              .orElse(null);
      if (status == null) {
        errors.put("stand", "portal.form.error.NOT_ALLOWED_VALUE");
      }
    }
    String assignee = entered.get("zustaendig");
    if (assignee != null && !assignee.equals("ich") && !assignee.equals("alle")) {
      errors.put("zustaendig", "portal.form.error.NOT_ALLOWED_VALUE");
    }
    String cursor = sent.getFirst("weiter");
    if (cursor != null && (cursor.isBlank() || cursor.length() > 200)) {
      errors.put("weiter", "portal.cases.error.cursor");
    }
    List<Queued> items = List.of();
    String next = null;
    if (errors.isEmpty()) {
      try {
        CaseQueuePage page =
            desk.queue(
                caller,
                new CaseDesk.Filter(
                    status,
                    "ich".equals(assignee) ? Actor.of(caller).id() : null,
                    entered.containsKey("ueberfaellig") ? Boolean.TRUE : null,
                    entered.containsKey("antwort") ? Boolean.TRUE : null,
                    cursor,
                    PortalParticipationController.PAGE_SIZE,
                    entered.get("aktenzeichen"),
                    entered.get("name")));
        Map<String, ServiceView> services = services();
        String language = PortalPage.language();
        items = page.items().stream().map(c -> queued(c, services, language)).toList();
        next = page.next();
      } catch (CaseDesk.NothingToSearch nothing) {
        errors.put("name", "portal.cases.error.name");
      } catch (IllegalArgumentException badCursor) {
        // a cursor no page of this queue made
        errors.put("weiter", "portal.cases.error.cursor");
      }
    }
    ModelAndView page =
        new ModelAndView("portal/cases", errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
    page.addObject("department", department);
    page.addObject("statuses", RequestStatus.values());
    page.addObject("entered", entered);
    page.addObject("errors", errors);
    page.addObject("cases", items);
    page.addObject("next", next);
    page.addObject("filtered", !entered.isEmpty());
    return page;
  }

  private Queued queued(CaseView c, Map<String, ServiceView> services, String language) {
    RequestView r = c.request();
    boolean answerOverdue =
        r.informationRequests().stream()
            .anyMatch(q -> q.state() == RequestView.QuestionState.OPEN && q.overdue());
    return new Queued(
        r.id().value(),
        r.caseNumber().value(),
        PortalRequests.serviceName(services, r, language),
        r.status().name(),
        PortalRequests.when(r.submittedAt(), language),
        r.dueDate() == null ? null : PortalRequests.day(r.dueDate(), language),
        r.overdue() && r.status().isOpen(),
        answerOverdue,
        c.assignee() == null ? null : c.assignee().value());
  }

  // --- a case's page

  /** A step of the timeline. */
  record Step(String type, String status, String at) {}

  /** A question to the applicant. */
  record Question(
      String id, String text, String due, String state, String answer, String answeredAt) {}

  /** An internal note. */
  record Note(String author, String text, String at) {}

  @GetMapping("/{id}")
  ModelAndView one(@PathVariable String id, Authentication caller) {
    return casePage(id, caller, Map.of(), Map.of(), HttpStatus.OK, null);
  }

  /** Takes the case ({@code zustaendig} the caller) or hands it to a colleague. */
  @PostMapping("/{id}/zuweisung")
  ModelAndView assign(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> sent,
      Authentication caller,
      RedirectAttributes done) {
    return act(
        id,
        caller,
        sent,
        List.of("zustaendig"),
        Map.of(),
        values -> () -> desk.assign(id, values.get("zustaendig"), caller),
        "assigned",
        done);
  }

  /** Forwards the case to another department; the queue follows, since it is no longer here. */
  @PostMapping("/{id}/weiterleitung")
  ModelAndView forward(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> sent,
      Authentication caller,
      RedirectAttributes done) {
    Map<String, String> entered = entered(sent, "amt", "weiterleitung-grund");
    Map<String, String> errors = required(entered, "amt", "weiterleitung-grund");
    if (!errors.containsKey("amt")
        && departments().stream().noneMatch(d -> d.code().equals(entered.get("amt")))) {
      errors.put("amt", "portal.form.error.NOT_ALLOWED_VALUE");
    }
    if (!errors.isEmpty()) {
      return casePage(id, caller, entered, errors, HttpStatus.BAD_REQUEST, null);
    }
    if (id.length() > 100) {
      return notFound("case");
    }
    try {
      desk.forward(id, entered.get("amt"), entered.get("weiterleitung-grund"), caller);
    } catch (ServiceRequestRuleViolation refused) {
      return refused(id, caller, entered, refused);
    } catch (NotFound | AggregateNotFoundException gone) {
      return notFound("case");
    }
    done.addFlashAttribute("done", "forwarded");
    return PortalRequests.seeOther(ROOT);
  }

  /** Asks the applicant a question, to be answered by the end of the day given. */
  @PostMapping("/{id}/rueckfrage")
  ModelAndView ask(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> sent,
      Authentication caller,
      RedirectAttributes done) {
    Map<String, LocalDate> due = new LinkedHashMap<>();
    return act(
        id,
        caller,
        sent,
        List.of("frage", "frist"),
        Map.of(
            "frist",
            value -> {
              try {
                LocalDate day = LocalDate.parse(value);
                if (day.isBefore(PlausibleDate.EARLIEST) || day.isAfter(PlausibleDate.LATEST)) {
                  return "portal.form.error.NOT_A_DATETIME";
                }
                if (!day.isAfter(LocalDate.now(clock.withZone(CITY_TIME)))) {
                  return "portal.cases.error.due-in-future";
                }
                due.put("frist", day);
                return null;
              } catch (DateTimeParseException notADay) {
                return "portal.form.error.NOT_A_DATETIME";
              }
            }),
        values -> () -> desk.requestInformation(id, values.get("frage"), due.get("frist"), caller),
        "asked",
        done);
  }

  /** Stops waiting for the answer to the open question. */
  @PostMapping("/{id}/rueckfrage/{question}/abbruch")
  ModelAndView cancel(
      @PathVariable String id,
      @PathVariable String question,
      @RequestParam MultiValueMap<String, String> sent,
      Authentication caller,
      RedirectAttributes done) {
    if (question.length() > 100) {
      return notFound("case");
    }
    return act(
        id,
        caller,
        sent,
        List.of("abbruch-grund"),
        Map.of(),
        values ->
            () -> desk.cancelInformationRequest(id, question, values.get("abbruch-grund"), caller),
        "cancelled",
        done);
  }

  @PostMapping("/{id}/notiz")
  ModelAndView note(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> sent,
      Authentication caller,
      RedirectAttributes done) {
    return act(
        id,
        caller,
        sent,
        List.of("notiz"),
        Map.of(),
        values -> () -> desk.note(id, values.get("notiz"), caller),
        "noted",
        done);
  }

  @PostMapping("/{id}/entscheidung")
  ModelAndView decide(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> sent,
      Authentication caller,
      RedirectAttributes done) {
    return act(
        id,
        caller,
        sent,
        List.of("ergebnis", "begruendung", "rechtsgrundlage"),
        Map.of("ergebnis", value -> choice(DecisionOutcome.class, value)),
        values ->
            () ->
                desk.decide(
                    id,
                    new Decision(
                        DecisionOutcome.valueOf(values.get("ergebnis")),
                        values.get("begruendung"),
                        values.get("rechtsgrundlage")),
                    caller),
        "decided",
        done);
  }

  @PostMapping("/{id}/widerspruch")
  ModelAndView decideObjection(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> sent,
      Authentication caller,
      RedirectAttributes done) {
    return act(
        id,
        caller,
        sent,
        List.of("widerspruch-ergebnis", "widerspruch-begruendung"),
        Map.of("widerspruch-ergebnis", value -> choice(ObjectionOutcome.class, value)),
        values ->
            () ->
                desk.decideObjection(
                    id,
                    ObjectionOutcome.valueOf(values.get("widerspruch-ergebnis")),
                    values.get("widerspruch-begruendung"),
                    caller),
        "objection-decided",
        done);
  }

  @PostMapping("/{id}/abschluss")
  ModelAndView close(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> sent,
      Authentication caller,
      RedirectAttributes done) {
    return act(
        id,
        caller,
        sent,
        List.of(),
        Map.of(),
        values -> () -> desk.close(id, caller),
        "closed",
        done);
  }

  /**
   * Checks the form's fields (each required, none longer than the API allows, and each of {@code
   * checks}), then sends the clerk's command and shows the case again: on success through a
   * redirect (Post/Redirect/Get) with a note of what was done, otherwise at once with the errors
   * next to their fields or the rule of the case that refused.
   */
  private ModelAndView act(
      String id,
      Authentication caller,
      MultiValueMap<String, String> sent,
      List<String> fields,
      Map<String, Function<String, String>> checks,
      Function<Map<String, String>, Supplier<CaseView>> command,
      String what,
      RedirectAttributes done) {
    Map<String, String> entered = entered(sent, fields.toArray(String[]::new));
    Map<String, String> errors = required(entered, fields.toArray(String[]::new));
    checks.forEach(
        (field, check) -> {
          if (!errors.containsKey(field)) {
            String error = check.apply(entered.get(field));
            if (error != null) {
              errors.put(field, error);
            }
          }
        });
    if (!errors.isEmpty()) {
      return casePage(id, caller, entered, errors, HttpStatus.BAD_REQUEST, null);
    }
    if (id.length() > 100) {
      return notFound("case");
    }
    try {
      command.apply(entered).get();
    } catch (ServiceRequestRuleViolation refused) {
      return refused(id, caller, entered, refused);
    } catch (NotFound | AggregateNotFoundException gone) {
      // no case of this id, or none of the caller's department
      return notFound("case");
    }
    done.addFlashAttribute("done", what);
    return PortalRequests.seeOther(ROOT + "/" + id);
  }

  /** The case refused the command: its page as it stands now, saying why (409 or 422). */
  private ModelAndView refused(
      String id,
      Authentication caller,
      Map<String, String> entered,
      ServiceRequestRuleViolation refused) {
    return switch (refused.code()) {
      case NOT_YOUR_DEPARTMENT, UNKNOWN_QUESTION, NOT_THE_APPLICANT -> notFound("case");
      default ->
          casePage(
              id,
              caller,
              entered,
              Map.of(),
              switch (refused.code()) {
                case NOT_A_CLERK_OF_THE_DEPARTMENT,
                    UNKNOWN_DEPARTMENT,
                    ANSWER_DUE_BEFORE_QUESTION ->
                    HttpStatus.UNPROCESSABLE_ENTITY;
                default -> HttpStatus.CONFLICT;
              },
              "problem.request."
                  + refused.code().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    };
  }

  private ModelAndView casePage(
      String id,
      Authentication caller,
      Map<String, String> entered,
      Map<String, String> errors,
      HttpStatus status,
      String refusal) {
    Optional<CaseView> found;
    try {
      found = find(id, caller);
    } catch (NotFound noDepartment) {
      return notFound("case");
    }
    if (found.isEmpty()) {
      return notFound("case");
    }
    CaseView view = found.get();
    RequestView request = view.request();
    String language = PortalPage.language();
    Map<String, ServiceView> services = services();
    ModelAndView page = new ModelAndView("portal/case", status);
    page.addObject("id", request.id().value());
    page.addObject("caseNumber", request.caseNumber().value());
    page.addObject("service", PortalRequests.serviceName(services, request, language));
    page.addObject(
        "answers",
        PortalRequests.answers(services.get(request.serviceCode().value()), request, language));
    page.addObject("description", request.description());
    Location place = request.location() != null ? request.location() : request.privateLocation();
    page.addObject("place", place);
    page.addObject("contact", view.contact());
    page.addObject("status", request.status().name());
    page.addObject("open", request.status().isOpen());
    page.addObject("decidable", request.status() == RequestStatus.IN_PROGRESS);
    page.addObject("askable", request.status() == RequestStatus.IN_PROGRESS);
    page.addObject("objectionPending", request.status() == RequestStatus.OBJECTION_PENDING);
    page.addObject("closable", request.status() == RequestStatus.DECIDED);
    page.addObject("submitted", PortalRequests.when(request.submittedAt(), language));
    page.addObject(
        "due", request.dueDate() == null ? null : PortalRequests.day(request.dueDate(), language));
    page.addObject("overdue", request.overdue() && request.status().isOpen());
    page.addObject("assignee", view.assignee() == null ? null : view.assignee().value());
    page.addObject("me", Actor.of(caller).id());
    page.addObject(
        "mine", view.assignee() != null && view.assignee().value().equals(Actor.of(caller).id()));
    page.addObject(
        "timeline",
        request.timeline().stream()
            .map(
                t ->
                    new Step(
                        t.type().name(), t.status().name(), PortalRequests.when(t.at(), language)))
            .toList());
    page.addObject(
        "questions",
        request.informationRequests().stream()
            .map(
                q ->
                    new Question(
                        q.id().value(),
                        q.question(),
                        q.answerDueDate() == null
                            ? null
                            : PortalRequests.day(q.answerDueDate(), language),
                        q.state().name(),
                        q.answer(),
                        q.answeredAt() == null
                            ? null
                            : PortalRequests.when(q.answeredAt(), language)))
            .toList());
    page.addObject(
        "notes",
        view.notes().stream()
            .map(n -> new Note(n.author().value(), n.text(), PortalRequests.when(n.at(), language)))
            .toList());
    page.addObject(
        "decision", request.decision() == null ? null : request.decision().outcome().name());
    page.addObject("decided", request.decision());
    page.addObject("withdrawalReason", request.withdrawalReason());
    page.addObject("objection", request.objection());
    String own = request.department().value();
    page.addObject(
        "departments", departments().stream().filter(d -> !d.code().equals(own)).toList());
    page.addObject("outcomes", DecisionOutcome.values());
    page.addObject("objectionOutcomes", ObjectionOutcome.values());
    page.addObject("entered", entered);
    page.addObject("errors", errors);
    page.addObject("refusal", refusal);
    page.addObject("here", ROOT + "/" + request.id().value());
    return page;
  }

  // --- helpers

  private Optional<CaseView> find(String id, Authentication caller) {
    if (id == null || id.isBlank() || id.length() > 100) {
      return Optional.empty();
    }
    return desk.one(id, caller);
  }

  private static Map<String, String> entered(MultiValueMap<String, String> sent, String... fields) {
    Map<String, String> entered = new LinkedHashMap<>();
    for (String field : fields) {
      String value = sent.getFirst(field);
      if (value != null && !value.isBlank()) {
        entered.put(field, value.strip());
      }
    }
    return entered;
  }

  /** Each field given and no longer than the API allows; the errors by field. */
  private static Map<String, String> required(Map<String, String> entered, String... fields) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field : fields) {
      if (!entered.containsKey(field)) {
        errors.put(field, "portal.form.error.REQUIRED");
      }
    }
    tooLong(entered, errors, fields);
    return errors;
  }

  private static void tooLong(
      Map<String, String> entered, Map<String, String> errors, String... fields) {
    for (String field : fields) {
      String value = entered.get(field);
      if (value != null && value.length() > LONGEST.getOrDefault(field, Integer.MAX_VALUE)) {
        errors.put(field, "portal.form.error.TOO_LONG");
      }
    }
  }

  private static <E extends Enum<E>> String choice(Class<E> choices, String value) {
    return Arrays.stream(choices.getEnumConstants()).anyMatch(c -> c.name().equals(value))
        ? null
        : "portal.form.error.NOT_ALLOWED_VALUE";
  }

  private List<DepartmentOption> departments() {
    return PortalViews.options(catalogue.departments(), PortalPage.language());
  }

  private Localized departmentName(Authentication caller) {
    String own = CaseDesk.department(caller).value();
    return catalogue.departments().stream()
        .filter(d -> d.code().value().equals(own))
        .findFirst()
        .map(DepartmentView::name)
        .map(name -> Localized.of(name, PortalPage.language()))
        .orElse(new Localized(own, PortalPage.language()));
  }

  private Map<String, ServiceView> services() {
    return catalogue.services().stream()
        .collect(Collectors.toMap(ServiceView::code, Function.identity(), (a, b) -> a));
  }

  private static ModelAndView notFound(String what) {
    ModelAndView page = new ModelAndView("portal/not-found", HttpStatus.NOT_FOUND);
    page.addObject("what", what);
    return page;
  }
}
