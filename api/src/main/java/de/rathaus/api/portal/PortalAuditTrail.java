package de.rathaus.api.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.audit.AggregateStateController;
import de.rathaus.api.audit.AggregateStateController.StateAsOfResource;
import de.rathaus.api.privacy.AccessRecording;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.Role;
import de.rathaus.application.audit.AggregateHistory;
import de.rathaus.application.audit.AuditEvent;
import de.rathaus.application.audit.AuditEventPage;
import de.rathaus.application.audit.Disclosure;
import de.rathaus.application.audit.FindAggregateHistory;
import de.rathaus.application.audit.ListAuditEvents;
import de.rathaus.application.privacy.AccessKind;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditors' pages of the history (AUDITOR and ADMIN, as {@code /api/v1/audit/events}, {@code
 * …/aggregates/{id}/history} and {@code …/state}): the audit trail with the API's filters, paged by
 * its cursor; and one aggregate's history with a time slider showing its view as it stood after any
 * of its events, or at a moment. The same queries as the API ({@link ListAuditEvents}, {@link
 * FindAggregateHistory}; the view as of a moment through {@link AggregateStateController} itself),
 * with the same disclosure: auditors see personal values as {@code [personal]}; the data-protection
 * officer (ADMIN) sees them decrypted, and each such read is recorded as the API records it.
 */
@Controller
@Hidden
@RequestMapping(PortalAuditTrail.ROOT)
public class PortalAuditTrail {

  /** Where the auditors' pages live. */
  static final String ROOT = PortalController.ROOT + "/pruefung";

  /** The verification of the log: auditors only, as {@code /api/v1/audit/verification}. */
  static final String VERIFICATION = ROOT + "/pruefen";

  /** How many events a page of the trail lists. */
  static final int PAGE_SIZE = 50;

  private static final Logger log = LoggerFactory.getLogger(PortalAuditTrail.class);

  private final QueryGateway queries;
  private final AccessRecording access;
  private final AggregateStateController states;
  private final PortalTexts texts;
  private final ObjectMapper json;

  public PortalAuditTrail(
      QueryGateway queries,
      AccessRecording access,
      AggregateStateController states,
      PortalTexts texts,
      ObjectMapper json) {
    this.queries = queries;
    this.access = access;
    this.states = states;
    this.texts = texts;
    this.json = json;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalPage.layout(request, model, texts, "audit");
    model.addAttribute("account", PortalViews.account());
  }

  @GetMapping
  String start() {
    return "redirect:" + ROOT + "/ereignisse";
  }

  /** The filters of the trail's form, as typed (kept in the form). */
  record TrailFilter(
      String vorgang,
      String art,
      String typ,
      String akteur,
      String amt,
      String korrelation,
      String von,
      String bis,
      String ab) {

    /** The fields by their names, as the form's template reads them. */
    Map<String, String> byName() {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("vorgang", vorgang);
      fields.put("art", art);
      fields.put("typ", typ);
      fields.put("akteur", akteur);
      fields.put("amt", amt);
      fields.put("korrelation", korrelation);
      fields.put("von", von);
      fields.put("bis", bis);
      fields.put("ab", ab);
      return fields;
    }
  }

  /**
   * The audit trail, a page at a time, filtered as {@code GET /api/v1/audit/events}: a value the
   * API would refuse (too long, not a moment, not a position, an end before the start) is a 400
   * page with the error next to its field and in the summary, and nothing is queried.
   */
  @GetMapping("/ereignisse")
  String trail(
      @RequestParam(required = false) String vorgang,
      @RequestParam(required = false) String art,
      @RequestParam(required = false) String typ,
      @RequestParam(required = false) String akteur,
      @RequestParam(required = false) String amt,
      @RequestParam(required = false) String korrelation,
      @RequestParam(required = false) String von,
      @RequestParam(required = false) String bis,
      @RequestParam(required = false) String ab,
      @RequestParam(name = "weiter", required = false) String cursor,
      Authentication caller,
      Model model,
      HttpServletResponse response) {
    TrailFilter filter =
        new TrailFilter(
            PortalAuditViews.blankless(vorgang),
            PortalAuditViews.blankless(art),
            PortalAuditViews.blankless(typ),
            PortalAuditViews.blankless(akteur),
            PortalAuditViews.blankless(amt),
            PortalAuditViews.blankless(korrelation),
            PortalAuditViews.blankless(von),
            PortalAuditViews.blankless(bis),
            PortalAuditViews.blankless(ab));
    model.addAttribute("filter", filter.byName());
    model.addAttribute("events", List.of());
    Map<String, String> errors = new LinkedHashMap<>();
    tooLong(errors, "vorgang", filter.vorgang(), PortalAuditViews.MAX_FILTER);
    tooLong(errors, "art", filter.art(), PortalAuditViews.MAX_FILTER);
    tooLong(errors, "typ", filter.typ(), PortalAuditViews.MAX_TYPE);
    tooLong(errors, "akteur", filter.akteur(), PortalAuditViews.MAX_FILTER);
    tooLong(errors, "amt", filter.amt(), PortalAuditViews.MAX_FILTER);
    tooLong(errors, "korrelation", filter.korrelation(), PortalAuditViews.MAX_FILTER);
    Instant from = moment(errors, "von", filter.von());
    Instant to = moment(errors, "bis", filter.bis());
    if (from != null && to != null && to.isBefore(from)) {
      errors.put("bis", "portal.audit.error.before");
    }
    Long after = null;
    if (filter.ab() != null) {
      try {
        after = Long.parseLong(filter.ab());
        if (after < 0) {
          errors.put("ab", "portal.audit.error.position");
        }
      } catch (NumberFormatException e) {
        errors.put("ab", "portal.audit.error.position");
      }
    }
    model.addAttribute("errors", errors);
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "portal/pruefung/ereignisse";
    }
    Disclosure disclosure = disclosure(caller);
    AuditEventPage page;
    try {
      page =
          Answers.of(
              queries.query(
                  new ListAuditEvents(
                      filter.vorgang(),
                      filter.art(),
                      filter.typ(),
                      filter.akteur(),
                      filter.amt(),
                      filter.korrelation(),
                      null,
                      from,
                      to,
                      after,
                      PortalAuditViews.blankless(cursor),
                      PAGE_SIZE,
                      disclosure),
                  ResponseTypes.instanceOf(AuditEventPage.class)));
    } catch (Page.InvalidPageRequest badCursor) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("cursorError", true);
      return "portal/pruefung/ereignisse";
    }
    if (disclosure == Disclosure.DECRYPTED && !page.items().isEmpty()) {
      // as GET /api/v1/audit/events records it
      access.history(
          caller,
          AccessRecording.CASE_TYPE,
          page.items().stream()
              .filter(e -> AccessRecording.CASE_TYPE.equals(e.aggregateType()))
              .map(AuditEvent::aggregateId)
              .toList(),
          AccessKind.AUDIT_TRAIL);
      log.info(
          "Audit: {} read the trail in the portal with personal values disclosed, positions {} to"
              + " {} ({} events)",
          Actor.of(caller).id(),
          page.items().get(0).position(),
          page.items().get(page.items().size() - 1).position(),
          page.items().size());
    }
    String language = PortalPage.language();
    model.addAttribute(
        "events",
        page.items().stream().map(e -> PortalAuditViews.entry(e, json, language)).toList());
    model.addAttribute("next", page.next() == null ? null : nextPage(filter, page.next()));
    model.addAttribute(
        "filtered",
        filter.vorgang() != null
            || filter.art() != null
            || filter.typ() != null
            || filter.akteur() != null
            || filter.amt() != null
            || filter.korrelation() != null
            || from != null
            || to != null
            || after != null);
    return "portal/pruefung/ereignisse";
  }

  /** The address of the next page: the same filters and the cursor the query gave. */
  private static String nextPage(TrailFilter filter, String cursor) {
    UriComponentsBuilder next = UriComponentsBuilder.fromPath(ROOT + "/ereignisse");
    Map<String, String> values = filter.byName();
    values.put("weiter", cursor);
    values.forEach(
        (name, value) -> {
          if (value != null) {
            next.queryParam(name, value);
          }
        });
    return next.encode().build().toUriString();
  }

  /**
   * One aggregate's history (a case, a proposal, …): its events in order, and its view as it stood
   * after the event chosen with the slider ({@code ereignis}, a sequence number; by default the
   * last) or at a moment ({@code zeitpunkt}, Berlin time). An unknown aggregate is the 404 page; a
   * value that is no event or no moment is a 400 page with the error at its field.
   */
  @GetMapping("/verlauf/{id}")
  String history(
      @PathVariable String id,
      @RequestParam(required = false) String ereignis,
      @RequestParam(required = false) String zeitpunkt,
      Authentication caller,
      Model model,
      HttpServletResponse response) {
    if (id.length() > PortalAuditViews.MAX_FILTER) {
      return PortalPage.notFound(model, response);
    }
    Disclosure disclosure = disclosure(caller);
    AggregateHistory history =
        Answers.of(
            queries.query(
                new FindAggregateHistory(id, disclosure),
                ResponseTypes.instanceOf(AggregateHistory.class)));
    if (history.items().isEmpty()) {
      return PortalPage.notFound(model, response);
    }
    List<AuditEvent> items = history.items();
    if (disclosure == Disclosure.DECRYPTED) {
      // as GET /api/v1/audit/aggregates/{id}/history records it
      access.history(caller, items.get(0).aggregateType(), List.of(id), AccessKind.CASE_HISTORY);
      log.info(
          "Audit: {} read the history of an aggregate in the portal with personal values disclosed"
              + " ({} events, positions {} to {})",
          Actor.of(caller).id(),
          items.size(),
          items.get(0).position(),
          items.get(items.size() - 1).position());
    }
    String language = PortalPage.language();
    AuditEvent last = items.get(items.size() - 1);
    model.addAttribute("id", id);
    model.addAttribute("aggregateType", items.get(0).aggregateType());
    model.addAttribute(
        "events", items.stream().map(e -> PortalAuditViews.entry(e, json, language)).toList());
    model.addAttribute("first", items.get(0).sequence());
    model.addAttribute("last", last.sequence());
    String chosenEvent = PortalAuditViews.blankless(ereignis);
    String chosenMoment = PortalAuditViews.blankless(zeitpunkt);
    model.addAttribute(
        "ereignis", chosenEvent == null ? String.valueOf(last.sequence()) : chosenEvent);
    model.addAttribute("zeitpunkt", chosenMoment);
    Map<String, String> errors = new LinkedHashMap<>();
    model.addAttribute("errors", errors);
    Instant asOf = null;
    Long atPosition = null;
    AuditEvent chosen = last;
    if (chosenMoment != null) {
      asOf = PortalAuditViews.moment(chosenMoment);
      if (asOf == null) {
        errors.put("zeitpunkt", "portal.audit.error.moment");
      }
    } else if (chosenEvent != null) {
      chosen = bySequence(items, chosenEvent);
      if (chosen == null) {
        errors.put("ereignis", "portal.audit.error.event");
      }
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "portal/pruefung/verlauf";
    }
    if (asOf == null) {
      atPosition = chosen.position();
      model.addAttribute("zeitpunkt", PortalAuditViews.local(chosen.timestamp()));
    }
    StateAsOfResource state;
    try {
      state = states.state(id, asOf, atPosition, caller);
    } catch (NotFound none) {
      // before its first event the aggregate did not exist yet
      model.addAttribute("notYet", true);
      return "portal/pruefung/verlauf";
    }
    JsonNode view = json.valueToTree(state.state());
    model.addAttribute("ereignis", String.valueOf(state.sequence()));
    model.addAttribute(
        "state",
        new StateShown(
            state.sequence(),
            state.position(),
            PortalAuditViews.When.of(state.recordedAt(), language),
            asOf == null ? null : PortalAuditViews.When.of(asOf, language),
            items.stream()
                .filter(e -> e.sequence() == state.sequence())
                .map(AuditEvent::type)
                .findFirst()
                .orElse(null),
            view.path("status").isValueNode() ? view.path("status").asText() : null,
            PortalAuditViews.rows(view)));
    return "portal/pruefung/verlauf";
  }

  /** The view shown: after which event, as of which moment, its status, its values. */
  record StateShown(
      long sequence,
      long position,
      PortalAuditViews.When recordedAt,
      PortalAuditViews.When asOf,
      String type,
      String status,
      List<PortalAuditViews.Row> rows) {}

  private static AuditEvent bySequence(List<AuditEvent> items, String text) {
    try {
      long sequence = Long.parseLong(text);
      return items.stream().filter(e -> e.sequence() == sequence).findFirst().orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Disclosure disclosure(Authentication caller) {
    return Actor.of(caller).role() == Role.ADMIN ? Disclosure.DECRYPTED : Disclosure.MASKED;
  }

  private static void tooLong(Map<String, String> errors, String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.put(field, "portal.audit.error.too-long");
    }
  }

  private static Instant moment(Map<String, String> errors, String field, String value) {
    if (value == null) {
      return null;
    }
    Instant at = PortalAuditViews.moment(value);
    if (at == null) {
      errors.put(field, "portal.audit.error.moment");
    }
    return at;
  }
}
