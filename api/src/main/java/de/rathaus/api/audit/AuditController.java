package de.rathaus.api.audit;

import de.rathaus.api.audit.AuditResources.AggregateHistoryResource;
import de.rathaus.api.audit.AuditResources.AuditEventPageResource;
import de.rathaus.api.audit.AuditResources.AuditEventResource;
import de.rathaus.api.audit.AuditResources.HistoryEntryResource;
import de.rathaus.api.privacy.AccessRecording;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.shared.Refusals;
import de.rathaus.api.shared.Role;
import de.rathaus.application.audit.AggregateHistory;
import de.rathaus.application.audit.AuditEventPage;
import de.rathaus.application.audit.Disclosure;
import de.rathaus.application.audit.FindAggregateHistory;
import de.rathaus.application.audit.ListAuditEvents;
import de.rathaus.application.privacy.AccessKind;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail and the history of one aggregate, for auditors and the data-protection officer.
 * Auditors see every personal value as {@code [personal]}; the data-protection officer (the admin
 * role) sees them decrypted, {@code [erased]} where the subject's key was destroyed after a
 * recorded erasure, and every such read is logged (who, which positions; never a value).
 */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

  private static final Logger log = LoggerFactory.getLogger(AuditController.class);

  private final QueryGateway queries;
  private final AccessRecording access;

  public AuditController(QueryGateway queries, AccessRecording access) {
    this.queries = queries;
    this.access = access;
  }

  /**
   * The audit trail, a page at a time. {@code type} is the event type's simple name ({@code
   * CaseAssigned}; a full name is read as its simple name); {@code about} lists the supports and
   * ratings of a proposal; {@code from} and {@code to} are ISO-8601 instants; {@code after} a
   * global position.
   */
  @GetMapping("/events")
  public AuditEventPageResource events(
      Authentication caller,
      @RequestParam(required = false) @Size(max = 200) String aggregate,
      @RequestParam(required = false) @Size(max = 200) String aggregateType,
      @RequestParam(required = false) @Size(max = 300) String type,
      @RequestParam(required = false) @Size(max = 200) String actor,
      @RequestParam(required = false) @Size(max = 200) String department,
      @RequestParam(required = false) @Size(max = 200) String correlationId,
      @RequestParam(required = false) @Size(max = 200) String about,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor) {
    Disclosure disclosure = disclosure(caller);
    ListAuditEvents query =
        new ListAuditEvents(
            blankless(aggregate),
            blankless(aggregateType),
            blankless(type),
            blankless(actor),
            blankless(department),
            blankless(correlationId),
            blankless(about),
            instant("from", from),
            instant("to", to),
            position("after", after),
            blankless(cursor),
            size,
            disclosure);
    AuditEventPage page =
        Answers.of(queries.query(query, ResponseTypes.instanceOf(AuditEventPage.class)));
    if (disclosure == Disclosure.DECRYPTED && !page.items().isEmpty()) {
      access.history(
          caller,
          AccessRecording.CASE_TYPE,
          page.items().stream()
              .filter(e -> AccessRecording.CASE_TYPE.equals(e.aggregateType()))
              .map(e -> e.aggregateId())
              .toList(),
          AccessKind.AUDIT_TRAIL);
      log.info(
          "Audit: {} read the trail with personal values disclosed, positions {} to {} ({} events)",
          Actor.of(caller).id(),
          page.items().get(0).position(),
          page.items().get(page.items().size() - 1).position(),
          page.items().size());
    }
    return new AuditEventPageResource(
        page.items().stream().map(AuditEventResource::of).toList(), PageLinks.next(page.next()));
  }

  /** Every event of one aggregate (a case, proposal, consultation, service, erasure record). */
  @GetMapping("/aggregates/{id}/history")
  @Refusals(404)
  public AggregateHistoryResource history(Authentication caller, @PathVariable String id) {
    Disclosure disclosure = disclosure(caller);
    AggregateHistory history =
        Answers.of(
            queries.query(
                new FindAggregateHistory(id, disclosure),
                ResponseTypes.instanceOf(AggregateHistory.class)));
    if (history.items().isEmpty()) {
      throw new NotFound();
    }
    if (disclosure == Disclosure.DECRYPTED) {
      access.history(
          caller, history.items().get(0).aggregateType(), List.of(id), AccessKind.CASE_HISTORY);
      log.info(
          "Audit: {} read the history of an aggregate with personal values disclosed ({} events,"
              + " positions {} to {})",
          Actor.of(caller).id(),
          history.items().size(),
          history.items().get(0).position(),
          history.items().get(history.items().size() - 1).position());
    }
    return new AggregateHistoryResource(
        id,
        history.items().get(0).aggregateType(),
        history.items().stream().map(HistoryEntryResource::of).toList());
  }

  private static Disclosure disclosure(Authentication caller) {
    return Actor.of(caller).role() == Role.ADMIN ? Disclosure.DECRYPTED : Disclosure.MASKED;
  }

  private static String blankless(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Instant instant(String field, String value) {
    if (blankless(value) == null) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new Page.InvalidPageRequest(field);
    }
  }

  private static Long position(String field, String value) {
    if (blankless(value) == null) {
      return null;
    }
    try {
      long position = Long.parseLong(value.trim());
      if (position < 0) {
        throw new Page.InvalidPageRequest(field);
      }
      return position;
    } catch (NumberFormatException e) {
      throw new Page.InvalidPageRequest(field);
    }
  }
}
