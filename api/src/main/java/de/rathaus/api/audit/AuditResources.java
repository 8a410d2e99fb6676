package de.rathaus.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.application.audit.AuditEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The bodies the audit resources answer. */
final class AuditResources {

  private AuditResources() {}

  /**
   * Who caused an event.
   *
   * @param id the pseudonymous actor id recorded in the metadata
   * @param role the role
   * @param department a clerk's department
   */
  record AuditActorResource(String id, String role, String department) {}

  /**
   * One entry of the audit trail.
   *
   * @param position global position in the store
   * @param sequence sequence number in the aggregate
   * @param aggregateId the aggregate's id
   * @param aggregateType the aggregate's type
   * @param type the event type's simple name
   * @param payloadType the event type's full name
   * @param revision the event type's revision
   * @param timestamp when it was recorded
   * @param actor who caused it
   * @param channel web, api or open311
   * @param correlationId the correlation id
   * @param causationId the id of the message that caused it
   * @param payload the payload; personal values as {@code [personal]} for auditors
   */
  record AuditEventResource(
      long position,
      long sequence,
      String aggregateId,
      String aggregateType,
      String type,
      String payloadType,
      String revision,
      Instant timestamp,
      AuditActorResource actor,
      String channel,
      String correlationId,
      String causationId,
      Object payload) {

    static AuditEventResource of(AuditEvent e) {
      return new AuditEventResource(
          e.position(),
          e.sequence(),
          e.aggregateId(),
          e.aggregateType(),
          e.type(),
          e.payloadType(),
          e.revision(),
          e.timestamp(),
          new AuditActorResource(e.actor().id(), e.actor().role(), e.actor().department()),
          e.channel(),
          e.correlationId(),
          e.causationId(),
          e.payload());
    }
  }

  /**
   * A page of the audit trail.
   *
   * @param items the entries
   * @param next the relative URL of the next page, {@code null} on the last page
   */
  record AuditEventPageResource(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<AuditEventResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  /**
   * Who caused an event of a history.
   *
   * @param id the pseudonymous actor id
   * @param role the role
   */
  record HistoryActorResource(String id, String role) {}

  /**
   * One event of an aggregate's history.
   *
   * @param position global position in the store
   * @param sequence sequence number in the aggregate
   * @param type the event type's simple name
   * @param revision the event type's revision
   * @param timestamp when it was recorded
   * @param actor who caused it
   * @param correlationId the correlation id
   * @param causationId the id of the message that caused it
   * @param payload the payload; personal values as {@code [personal]} for auditors
   */
  record HistoryEntryResource(
      long position,
      long sequence,
      String type,
      String revision,
      Instant timestamp,
      HistoryActorResource actor,
      String correlationId,
      String causationId,
      Object payload) {

    static HistoryEntryResource of(AuditEvent e) {
      return new HistoryEntryResource(
          e.position(),
          e.sequence(),
          e.type(),
          e.revision(),
          e.timestamp(),
          new HistoryActorResource(e.actor().id(), e.actor().role()),
          e.correlationId(),
          e.causationId(),
          e.payload());
    }
  }

  /**
   * Every event of one aggregate.
   *
   * @param aggregateId the aggregate's id
   * @param aggregateType the aggregate's type
   * @param items its events, by sequence number
   */
  record AggregateHistoryResource(
      String aggregateId,
      String aggregateType,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<HistoryEntryResource> items) {}
}
