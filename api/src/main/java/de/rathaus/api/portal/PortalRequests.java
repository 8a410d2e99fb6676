package de.rathaus.api.portal;

import de.rathaus.api.portal.PortalViews.Localized;
import de.rathaus.api.privacy.AccessRecording;
import de.rathaus.api.servicerequest.AttachmentProperties;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.catalogue.ServiceView;
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
import de.rathaus.domain.catalogue.ServiceAttribute;
import de.rathaus.domain.servicerequest.AnswerInformationRequest;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation;
import de.rathaus.domain.servicerequest.WithdrawServiceRequest;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.view.RedirectView;

/**
 * The citizen's own pages (the CITIZEN role, see {@link PortalConfiguration}): the request form
 * generated from a service's definition, the list of their requests, and a request's page with the
 * answer to an open question and the withdrawal. Each calls the same use case or command as the
 * API's {@code /api/v1/requests} (the submission with its hourly limit and read-your-writes; the
 * commands are stamped with the caller and the channel {@code web} by the command bus), checks the
 * owner the same way (another citizen's request is the 404 page), and records in the access log
 * each time a request's personal data is shown, as {@code GET /api/v1/requests/{id}} does.
 */
@Controller
@Hidden
@RequestMapping(PortalController.ROOT)
public class PortalRequests {

  static final String FORM = PortalController.ROOT + "/leistungen/*/antrag";
  static final String MINE = PortalController.ROOT + "/anliegen";
  static final String SIGN_OUT = PortalController.ROOT + "/abmelden";

  /** The longest answer and withdrawal reason, as the API's bodies allow. */
  static final int MAX_ANSWER = 10_000;

  static final int MAX_REASON = 2_000;

  private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

  private final PortalCatalogue catalogue;
  private final PortalTexts texts;
  private final RequestSubmission submission;
  private final SubmissionLimit limit;
  private final ReadYourWrites readYourWrites;
  private final QueryGateway queries;
  private final CommandGateway commands;
  private final AccessRecording access;
  private final Clock clock;
  private final Validator validator;
  private final AttachmentProperties attachments;
  private final PortalMap map;

  public PortalRequests(
      PortalCatalogue catalogue,
      PortalTexts texts,
      RequestSubmission submission,
      SubmissionLimit limit,
      ReadYourWrites readYourWrites,
      QueryGateway queries,
      CommandGateway commands,
      AccessRecording access,
      Clock clock,
      Validator validator,
      AttachmentProperties attachments,
      PortalMap map) {
    this.catalogue = catalogue;
    this.texts = texts;
    this.submission = submission;
    this.limit = limit;
    this.readYourWrites = readYourWrites;
    this.queries = queries;
    this.commands = commands;
    this.access = access;
    this.clock = clock;
    this.validator = validator;
    this.attachments = attachments;
    this.map = map;
  }

  private static String language() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    String query = request.getQueryString();
    model.addAttribute("city", texts.cityName());
    model.addAttribute("cityIsDemo", texts.cityIsDemo());
    model.addAttribute("lang", language());
    model.addAttribute("here", request.getRequestURI() + (query == null ? "" : "?" + query));
    model.addAttribute("account", PortalViews.account());
  }

  // --- the request form

  @GetMapping("/leistungen/{code}/antrag")
  ModelAndView form(@PathVariable String code) {
    Optional<ServiceView> service = catalogue.service(code);
    if (service.isEmpty()) {
      return notFound("services");
    }
    return formPage(service.get(), PortalForm.empty(service.get(), language()), HttpStatus.OK);
  }

  @PostMapping("/leistungen/{code}/antrag")
  ModelAndView submit(
      @PathVariable String code,
      @RequestParam MultiValueMap<String, String> sent,
      Authentication caller) {
    Optional<ServiceView> service = catalogue.service(code);
    if (service.isEmpty()) {
      return notFound("services");
    }
    PortalForm form = PortalForm.sent(service.get(), language(), sent, validator);
    String token = sent.getFirst("formular");
    if (token == null || !token.matches("[0-9a-f-]{36}")) {
      // a form not made by this page: show it anew, with a token of its own
      return formPage(service.get(), form, HttpStatus.BAD_REQUEST);
    }
    if (!form.valid()) {
      return formPage(service.get(), form, HttpStatus.BAD_REQUEST);
    }
    Actor actor = Actor.of(caller);
    CitizenId applicant = new CitizenId(actor.id());
    // the same form sent twice (a double click, a reload) is the same request, never a second
    ServiceRequestId id =
        new ServiceRequestId(
            UUID.nameUUIDFromBytes(
                    ("portal|" + actor.id() + "|" + token).getBytes(StandardCharsets.UTF_8))
                .toString());
    RequestSubmission.Form submitted =
        new RequestSubmission.Form(
            service.get().code(),
            form.values(),
            form.description(),
            form.location(),
            form.contact());
    try {
      RequestSubmission.Submitted done =
          limit.submit(
              applicant,
              () ->
                  readYourWrites.runCreating(
                      "ServiceRequest",
                      (RequestSubmission.Submitted made) -> made.id().value(),
                      () -> submission.submit(applicant, submitted, id),
                      RequestProjection.NAME,
                      CaseProjection.NAME));
      return seeOther(MINE + "/" + done.id().value());
    } catch (RequestSubmission.InvalidForm | ServiceRequestRuleViolation changedMeanwhile) {
      // the service's definition changed between the check and the submission
      ModelAndView page = formPage(service.get(), form, HttpStatus.CONFLICT);
      page.addObject("conflict", true);
      return page;
    } catch (RequestSubmission.UnknownService retired) {
      return notFound("services");
    } catch (SubmissionLimit.LimitReached tooMany) {
      ModelAndView page = formPage(service.get(), form, HttpStatus.TOO_MANY_REQUESTS);
      page.addObject("limit", tooMany.perHour());
      page.addObject("retryMinutes", Math.max(1, (tooMany.retryAfter().toSeconds() + 59) / 60));
      return page;
    }
  }

  private ModelAndView formPage(ServiceView service, PortalForm form, HttpStatus status) {
    ModelAndView page = new ModelAndView("portal/request-form", status);
    page.addObject("nav", "services");
    // the language switch returns to the form's page, never to the address a form was sent to
    page.addObject("here", PortalController.ROOT + "/leistungen/" + service.code() + "/antrag");
    page.addObject("service", PortalViews.detail(service, Map.of(), language()));
    page.addObject("report", form.isReport());
    if (form.isReport() && map.shown().isPresent()) {
      // the map's tiles come from the city's tile server: this page alone may show its images
      page.addObject("map", map.shown().get());
      if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
              instanceof org.springframework.web.context.request.ServletRequestAttributes current
          && current.getResponse() != null) {
        current.getResponse().setHeader("Content-Security-Policy", map.contentSecurityPolicy());
      }
    }
    page.addObject("fields", form.attributes());
    page.addObject("entered", form.entered());
    page.addObject("errors", form.errors());
    page.addObject("summary", form.summary());
    page.addObject("labels", form.labels());
    page.addObject("formular", UUID.randomUUID().toString());
    return page;
  }

  // --- my requests

  /** A request in the citizen's list. */
  record Listed(String id, String caseNumber, Localized service, String status, String submitted) {}

  @GetMapping("/anliegen")
  ModelAndView mine(Authentication caller) {
    CitizenId applicant = new CitizenId(Actor.of(caller).id());
    List<RequestView> all = new ArrayList<>();
    String cursor = null;
    do {
      MyRequestsPage page =
          Answers.of(
              queries.query(
                  new ListMyRequests(applicant, cursor, Page.MAX_SIZE),
                  ResponseTypes.instanceOf(MyRequestsPage.class)));
      all.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    Map<String, ServiceView> services = services();
    String language = language();
    ModelAndView page = new ModelAndView("portal/my-requests");
    page.addObject("nav", "mine");
    page.addObject(
        "requests",
        all.stream()
            .sorted(Comparator.comparing(RequestView::submittedAt).reversed())
            .map(
                r ->
                    new Listed(
                        r.id().value(),
                        r.caseNumber().value(),
                        serviceName(services, r, language),
                        r.status().name(),
                        when(r.submittedAt(), language)))
            .toList());
    return page;
  }

  // --- a request's page

  /** A step of the timeline. */
  record Step(String type, String status, String at) {}

  /** A question from the office. */
  record Question(String text, String due, String state, String answer, String answeredAt) {}

  @GetMapping("/anliegen/{id}")
  ModelAndView one(
      @PathVariable String id,
      @RequestParam(name = "dokument", required = false) String document,
      Authentication caller) {
    return find(id, caller)
        .map(
            view -> {
              ModelAndView page = requestPage(view, caller, HttpStatus.OK);
              if (PortalUploads.TOO_LARGE.equals(document)) {
                // the upload was refused before it reached the portal (see PortalUploads)
                page.addObject("documentError", "portal.documents.error.size");
              }
              return page;
            })
        .orElseGet(() -> notFound("mine"));
  }

  @PostMapping("/anliegen/{id}/antwort")
  ModelAndView answer(
      @PathVariable String id,
      @RequestParam(name = "antwort", required = false) String text,
      Authentication caller) {
    Optional<RequestView> view = find(id, caller);
    if (view.isEmpty()) {
      return notFound("mine");
    }
    String answer = text == null ? "" : text.strip();
    String error =
        answer.isEmpty()
            ? "portal.form.error.REQUIRED"
            : answer.length() > MAX_ANSWER ? "portal.form.error.TOO_LONG" : null;
    if (error != null) {
      ModelAndView page = requestPage(view.get(), caller, HttpStatus.BAD_REQUEST);
      page.addObject("answerError", error);
      page.addObject("answerText", text);
      return page;
    }
    CitizenId applicant = new CitizenId(Actor.of(caller).id());
    ServiceRequestId request = view.get().id();
    return act(
        view.get(),
        caller,
        new AnswerInformationRequest(request, applicant, answer, clock.instant()),
        "#fragen");
  }

  @PostMapping("/anliegen/{id}/ruecknahme")
  ModelAndView withdraw(
      @PathVariable String id,
      @RequestParam(name = "grund", required = false) String reason,
      @RequestParam(name = "bestaetigt", required = false) String confirmed,
      Authentication caller) {
    Optional<RequestView> view = find(id, caller);
    if (view.isEmpty()) {
      return notFound("mine");
    }
    String given = reason == null || reason.isBlank() ? null : reason.strip();
    String reasonError =
        given != null && given.length() > MAX_REASON ? "portal.form.error.TOO_LONG" : null;
    String confirmError = "ja".equals(confirmed) ? null : "portal.withdraw.confirm.error";
    if (reasonError != null || confirmError != null) {
      ModelAndView page = requestPage(view.get(), caller, HttpStatus.BAD_REQUEST);
      page.addObject("reasonError", reasonError);
      page.addObject("confirmError", confirmError);
      page.addObject("reasonText", reason);
      return page;
    }
    CitizenId applicant = new CitizenId(Actor.of(caller).id());
    return act(
        view.get(),
        caller,
        new WithdrawServiceRequest(view.get().id(), applicant, given, clock.instant()),
        "");
  }

  /** Sends the citizen's command; once their view shows it, back to the request's page. */
  private ModelAndView act(RequestView view, Authentication caller, Object command, String anchor) {
    try {
      readYourWrites.run(
          () -> commands.sendAndWait(command), RequestProjection.NAME, CaseProjection.NAME);
    } catch (ServiceRequestRuleViolation refused) {
      if (refused.code() == ServiceRequestRuleViolation.Code.NOT_THE_APPLICANT) {
        return notFound("mine");
      }
      // the request moved on meanwhile (decided, the question cancelled): say so on its page
      RequestView now = find(view.id().value(), caller).orElse(view);
      ModelAndView page = requestPage(now, caller, HttpStatus.CONFLICT);
      page.addObject("conflict", true);
      return page;
    }
    return seeOther(MINE + "/" + view.id().value() + anchor);
  }

  ModelAndView requestPage(RequestView found, Authentication caller, HttpStatus status) {
    // the page shows the citizen's personal data: one entry in the access log, as the API's read
    RequestView view = access.request(caller, found);
    String language = language();
    ModelAndView page = new ModelAndView("portal/request", status);
    page.addObject("nav", "mine");
    page.addObject("here", MINE + "/" + view.id().value());
    page.addObject("id", view.id().value());
    page.addObject("caseNumber", view.caseNumber().value());
    Map<String, ServiceView> services = services();
    page.addObject("service", serviceName(services, view, language));
    page.addObject("answers", answers(services.get(view.serviceCode().value()), view, language));
    page.addObject("description", view.description());
    Location place = view.location() != null ? view.location() : view.privateLocation();
    page.addObject("place", place);
    page.addObject("status", view.status().name());
    page.addObject("open", view.status().isOpen());
    page.addObject("submitted", when(view.submittedAt(), language));
    page.addObject("due", view.dueDate() == null ? null : day(view.dueDate(), language));
    page.addObject("overdue", view.overdue());
    page.addObject(
        "timeline",
        view.timeline().stream()
            .map(t -> new Step(t.type().name(), t.status().name(), when(t.at(), language)))
            .toList());
    List<Question> questions =
        view.informationRequests().stream()
            .map(
                q ->
                    new Question(
                        q.question(),
                        q.answerDueDate() == null ? null : day(q.answerDueDate(), language),
                        q.state().name(),
                        q.answer(),
                        q.answeredAt() == null ? null : when(q.answeredAt(), language)))
            .toList();
    page.addObject("questions", questions);
    page.addObject(
        "openQuestion",
        view.informationRequests().stream()
            .anyMatch(q -> q.state() == RequestView.QuestionState.OPEN));
    page.addObject("withdrawalReason", view.withdrawalReason());
    page.addObject("decision", view.decision() == null ? null : view.decision().outcome().name());
    page.addObject(
        "documents",
        view.attachments().stream()
            .map(
                a ->
                    new Document(
                        a.id().value(),
                        a.name(),
                        a.purpose().name(),
                        a.purpose().byApplicant(),
                        PortalDocuments.size(a.size(), language),
                        when(a.at(), language)))
            .toList());
    page.addObject("formular", UUID.randomUUID().toString());
    page.addObject(
        "documentMax", PortalDocuments.size(attachments.maxFileSize().toBytes(), language));
    page.addObject(
        "documentTypes",
        attachments.allowedTypes().stream()
            .map(t -> t.substring(t.indexOf('/') + 1).toUpperCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.joining(", ")));
    return page;
  }

  /** A document of the request, as its page lists it. */
  record Document(
      String id, String name, String purpose, boolean byApplicant, String size, String at) {}

  /** What the citizen answered in the form: the field's label and the value in words. */
  record Answered(Localized label, String value) {}

  /**
   * The request's form values in the order of the service's fields (their labels and choices as the
   * catalogue has them now; a field it no longer has is shown by its code).
   */
  static List<Answered> answers(ServiceView service, RequestView view, String language) {
    Map<String, ServiceAttribute> fields =
        service == null
            ? Map.of()
            : service.content().attributes().stream()
                .collect(Collectors.toMap(ServiceAttribute::code, Function.identity()));
    Map<String, Object> values = view.attributes() == null ? Map.of() : view.attributes();
    return values.entrySet().stream()
        .sorted(
            Comparator.comparing(
                    (Map.Entry<String, Object> e) ->
                        fields.containsKey(e.getKey())
                            ? fields.get(e.getKey()).order()
                            : Integer.MAX_VALUE)
                .thenComparing(Map.Entry::getKey))
        .map(
            e -> {
              ServiceAttribute field = fields.get(e.getKey());
              Localized label =
                  field == null
                      ? new Localized(e.getKey(), language)
                      : Localized.of(field.description(), language);
              List<?> given = e.getValue() instanceof List<?> list ? list : List.of(e.getValue());
              String value =
                  given.stream()
                      .map(String::valueOf)
                      .map(key -> choiceName(field, key, language))
                      .collect(Collectors.joining(", "));
              return new Answered(label, value);
            })
        .toList();
  }

  private static String choiceName(ServiceAttribute field, String key, String language) {
    if (field == null) {
      return key;
    }
    return field.values().stream()
        .filter(v -> v.key().equals(key))
        .findFirst()
        .map(v -> Localized.of(v.name(), language).text())
        .orElse(key);
  }

  Optional<RequestView> find(String id, Authentication caller) {
    if (id == null || id.isBlank() || id.length() > 100) {
      return Optional.empty();
    }
    return Answers.of(
        queries.query(
            new FindMyRequest(new ServiceRequestId(id), new CitizenId(Actor.of(caller).id())),
            ResponseTypes.optionalInstanceOf(RequestView.class)));
  }

  private Map<String, ServiceView> services() {
    return catalogue.services().stream()
        .collect(Collectors.toMap(ServiceView::code, Function.identity(), (a, b) -> a));
  }

  /** The service's name, or its code where the catalogue no longer has it. */
  static Localized serviceName(
      Map<String, ServiceView> services, RequestView request, String language) {
    ServiceView service = services.get(request.serviceCode().value());
    return service == null
        ? new Localized(request.serviceCode().value(), language)
        : Localized.of(service.content().name(), language);
  }

  static String when(Instant at, String language) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale(language))
        .withZone(CITY_TIME)
        .format(at);
  }

  static String day(Instant at, String language) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(locale(language))
        .withZone(CITY_TIME)
        .format(at);
  }

  private static Locale locale(String language) {
    return "en".equals(language) ? Locale.UK : Locale.GERMANY;
  }

  private ModelAndView notFound(String nav) {
    ModelAndView page = new ModelAndView("portal/not-found", HttpStatus.NOT_FOUND);
    page.addObject("nav", nav);
    page.addObject("what", "mine".equals(nav) ? "request" : null);
    return page;
  }

  static ModelAndView seeOther(String target) {
    RedirectView redirect = new RedirectView(target);
    redirect.setStatusCode(HttpStatus.SEE_OTHER);
    redirect.setExposeModelAttributes(false);
    return new ModelAndView(redirect);
  }
}
