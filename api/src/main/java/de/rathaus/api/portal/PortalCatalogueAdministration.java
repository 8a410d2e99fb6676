package de.rathaus.api.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.audit.AggregateHistory;
import de.rathaus.application.audit.AuditEvent;
import de.rathaus.application.audit.Disclosure;
import de.rathaus.application.audit.FindAggregateHistory;
import de.rathaus.application.catalogue.CatalogueAdministration;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.ServiceCatalogueProjection;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.shared.Answers;
import de.rathaus.domain.catalogue.AttributeDatatype;
import de.rathaus.domain.catalogue.PublishServiceDefinition;
import de.rathaus.domain.catalogue.RetireServiceDefinition;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.catalogue.ServiceDefinitionRuleViolation;
import de.rathaus.domain.catalogue.ServiceKind;
import de.rathaus.domain.shared.ServiceCode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
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
 * The service catalogue for administrators (the role of {@code POST/PUT /api/v1/services…}): the
 * published services, a new service's draft, a service's page with its lifecycle, the form of its
 * next version's draft, its publication and its retirement. Each sends what the API sends ({@link
 * CatalogueAdministration#draft}/{@link CatalogueAdministration#revise}, which check the
 * department, {@code PublishServiceDefinition}, {@code RetireServiceDefinition}) and waits, as the
 * API does, until the public catalogue shows a publication or retirement. The API lists no drafts;
 * a service's page reads its lifecycle and pending draft from its history ({@code
 * FindAggregateHistory}, which the API gives administrators at {@code
 * /api/v1/audit/aggregates/{id}/history}).
 */
@Controller
@Hidden
@RequestMapping(PortalCatalogueAdministration.ROOT)
public class PortalCatalogueAdministration {

  static final String ROOT = PortalStaff.ROOT + "/leistungen";

  static final int MAX_REASON = 2_000;

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");

  private final PortalCatalogue catalogue;
  private final PortalTexts texts;
  private final CatalogueAdministration administration;
  private final CommandGateway commands;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;
  private final ObjectMapper json;

  public PortalCatalogueAdministration(
      PortalCatalogue catalogue,
      PortalTexts texts,
      CatalogueAdministration administration,
      CommandGateway commands,
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      ObjectMapper json) {
    this.catalogue = catalogue;
    this.texts = texts;
    this.administration = administration;
    this.commands = commands;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
    this.json = json;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalStaff.layout(request, model, texts);
  }

  /** A published service in the list. */
  record Listed(String code, PortalViews.Localized name, int version, String department) {}

  @GetMapping
  String list(Model model) {
    String language = PortalPage.language();
    model.addAttribute(
        "services",
        catalogue.services().stream()
            .sorted(Comparator.comparing(ServiceView::code))
            .map(
                s ->
                    new Listed(
                        s.code(),
                        PortalViews.Localized.of(s.content().name(), language),
                        s.version(),
                        s.content().department().value()))
            .toList());
    return "portal/verwaltung/leistungen";
  }

  // --- a new service

  @GetMapping("/neu")
  ModelAndView fresh() {
    return formPage(null, PortalServiceForm.of(null, null), HttpStatus.OK);
  }

  @PostMapping("/neu")
  ModelAndView draft(@RequestParam MultiValueMap<String, String> sent) {
    PortalServiceForm form = PortalServiceForm.sent(sent, true, null);
    if (!form.valid()) {
      return formPage(null, form, HttpStatus.BAD_REQUEST);
    }
    if (!history(form.code()).isEmpty()) {
      ModelAndView page = formPage(null, form, HttpStatus.CONFLICT);
      form.errors().put("code", "portal.staff.services.error.code-taken");
      return page;
    }
    try {
      administration.draft(new ServiceCode(form.code()), form.content());
    } catch (CatalogueAdministration.UnknownDepartment unknown) {
      form.unknownDepartment();
      return formPage(null, form, HttpStatus.UNPROCESSABLE_ENTITY);
    } catch (ServiceDefinitionRuleViolation | IllegalArgumentException taken) {
      // drafted meanwhile under this code
      form.errors().put("code", "portal.staff.services.error.code-taken");
      return formPage(null, form, HttpStatus.CONFLICT);
    }
    return PortalStaff.seeOther(ROOT + "/" + form.code() + "?gespeichert");
  }

  // --- a service's page

  /** Where a service stands, as its history tells. */
  record Lifecycle(String state, boolean pendingDraft, ServiceDefinitionContent draft) {}

  @GetMapping("/{code}")
  ModelAndView service(
      @PathVariable String code,
      @RequestParam(name = "gespeichert", required = false) String saved,
      @RequestParam(name = "veroeffentlicht", required = false) String published,
      @RequestParam(name = "zurueckgezogen", required = false) String retired) {
    Optional<Lifecycle> lifecycle = lifecycle(code);
    if (lifecycle.isEmpty()) {
      return PortalStaff.notFound();
    }
    ModelAndView page = servicePage(code, lifecycle.get(), null, HttpStatus.OK);
    page.addObject(
        "done",
        saved != null
            ? "saved"
            : published != null ? "published" : retired != null ? "retired" : null);
    return page;
  }

  @PostMapping("/{code}")
  ModelAndView revise(@PathVariable String code, @RequestParam MultiValueMap<String, String> sent) {
    Optional<Lifecycle> lifecycle = lifecycle(code);
    if (lifecycle.isEmpty()) {
      return PortalStaff.notFound();
    }
    PortalServiceForm form = PortalServiceForm.sent(sent, false, current(code, lifecycle.get()));
    form.entered().put("code", code);
    if (!form.valid()) {
      return servicePage(code, lifecycle.get(), form, HttpStatus.BAD_REQUEST);
    }
    try {
      administration.revise(new ServiceCode(code), form.content());
    } catch (CatalogueAdministration.UnknownDepartment unknown) {
      form.unknownDepartment();
      return servicePage(code, lifecycle.get(), form, HttpStatus.UNPROCESSABLE_ENTITY);
    } catch (ServiceDefinitionRuleViolation refused) {
      return refused(code, refused, form);
    }
    return PortalStaff.seeOther(ROOT + "/" + code + "?gespeichert");
  }

  @PostMapping("/{code}/veroeffentlichung")
  ModelAndView publish(@PathVariable String code) {
    if (lifecycle(code).isEmpty()) {
      return PortalStaff.notFound();
    }
    try {
      readYourWrites.run(
          () -> commands.sendAndWait(new PublishServiceDefinition(new ServiceCode(code))),
          ServiceCatalogueProjection.NAME);
    } catch (ServiceDefinitionRuleViolation refused) {
      return refused(code, refused, null);
    } catch (AggregateNotFoundException unknown) {
      return PortalStaff.notFound();
    }
    return PortalStaff.seeOther(ROOT + "/" + code + "?veroeffentlicht");
  }

  @PostMapping("/{code}/ruecknahme")
  ModelAndView retire(
      @PathVariable String code, @RequestParam(name = "grund", required = false) String reason) {
    Optional<Lifecycle> lifecycle = lifecycle(code);
    if (lifecycle.isEmpty()) {
      return PortalStaff.notFound();
    }
    String text = PortalStaff.given(reason);
    String error =
        text == null
            ? "portal.form.error.REQUIRED"
            : text.length() > MAX_REASON ? "portal.form.error.TOO_LONG" : null;
    if (error != null) {
      ModelAndView page = servicePage(code, lifecycle.get(), null, HttpStatus.BAD_REQUEST);
      page.addObject("reasonError", error);
      page.addObject("reasonText", reason);
      return page;
    }
    try {
      readYourWrites.run(
          () -> commands.sendAndWait(new RetireServiceDefinition(new ServiceCode(code), text)),
          ServiceCatalogueProjection.NAME);
    } catch (ServiceDefinitionRuleViolation refused) {
      return refused(code, refused, null);
    } catch (AggregateNotFoundException unknown) {
      return PortalStaff.notFound();
    }
    return PortalStaff.seeOther(ROOT + "/" + code + "?zurueckgezogen");
  }

  /** A rule of the lifecycle refused the change: the page, with the rule in words (409). */
  private ModelAndView refused(
      String code, ServiceDefinitionRuleViolation refused, PortalServiceForm form) {
    Lifecycle now = lifecycle(code).orElseThrow();
    ModelAndView page = servicePage(code, now, form, HttpStatus.CONFLICT);
    page.addObject("conflict", refused.code().name());
    return page;
  }

  private ServiceDefinitionContent current(String code, Lifecycle lifecycle) {
    if (lifecycle.draft() != null) {
      return lifecycle.draft();
    }
    return catalogue.service(code).map(ServiceView::content).orElse(null);
  }

  private ModelAndView servicePage(
      String code, Lifecycle lifecycle, PortalServiceForm sent, HttpStatus status) {
    Optional<ServiceView> published = catalogue.service(code);
    PortalServiceForm form =
        sent != null ? sent : PortalServiceForm.of(code, current(code, lifecycle));
    ModelAndView page = formPage(code, form, status);
    page.addObject("state", lifecycle.state());
    page.addObject("pendingDraft", lifecycle.pendingDraft());
    page.addObject("version", published.map(ServiceView::version).orElse(null));
    page.addObject(
        "publishedName",
        published
            .map(s -> PortalViews.Localized.of(s.content().name(), PortalPage.language()))
            .orElse(null));
    page.addObject("reasonError", null);
    page.addObject("reasonText", null);
    page.addObject("conflict", null);
    page.addObject("done", null);
    return page;
  }

  private ModelAndView formPage(String code, PortalServiceForm form, HttpStatus status) {
    ModelAndView page =
        new ModelAndView(
            code == null ? "portal/verwaltung/leistung-neu" : "portal/verwaltung/leistung", status);
    page.addObject("here", code == null ? ROOT + "/neu" : ROOT + "/" + code);
    page.addObject("code", code);
    page.addObject("entered", form.entered());
    page.addObject("errors", form.errors());
    page.addObject("rows", form.rows());
    page.addObject("summary", form.summary());
    page.addObject("kinds", List.of(ServiceKind.values()).stream().map(Enum::name).toList());
    page.addObject(
        "datatypes", List.of(AttributeDatatype.values()).stream().map(Enum::name).toList());
    String language = PortalPage.language();
    page.addObject(
        "departments",
        catalogue.departments().stream()
            .filter(DepartmentView::active)
            .map(d -> Map.entry(d.code().value(), PortalViews.Localized.of(d.name(), language)))
            .toList());
    return page;
  }

  private List<AuditEvent> history(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      return List.of();
    }
    AggregateHistory history =
        Answers.of(
            queries.query(
                new FindAggregateHistory(code, Disclosure.MASKED),
                ResponseTypes.instanceOf(AggregateHistory.class)));
    return history.items().stream()
        .filter(e -> e.type() != null && e.type().startsWith("ServiceDefinition"))
        .toList();
  }

  /** The service's lifecycle from its history; empty when no service has the code. */
  private Optional<Lifecycle> lifecycle(String code) {
    List<AuditEvent> events = history(code);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    String state = "DRAFT";
    boolean pending = false;
    ServiceDefinitionContent draft = null;
    for (AuditEvent event : events) {
      switch (event.type()) {
        case "ServiceDefinitionDrafted", "ServiceDefinitionRevised" -> {
          pending = true;
          draft = content(event.payload());
        }
        case "ServiceDefinitionPublished" -> {
          state = "PUBLISHED";
          pending = false;
          draft = null;
        }
        case "ServiceDefinitionRetired" -> {
          state = "RETIRED";
          pending = false;
          draft = null;
        }
        default -> {
          // another event of the service changes nothing the page shows
        }
      }
    }
    return Optional.of(new Lifecycle(state, pending, draft));
  }

  /** The draft's content from its event, or null where its stored shape cannot be read back. */
  private ServiceDefinitionContent content(Object payload) {
    try {
      Object content = payload instanceof Map<?, ?> map ? map.get("content") : null;
      return content == null ? null : json.convertValue(content, ServiceDefinitionContent.class);
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
  }
}
