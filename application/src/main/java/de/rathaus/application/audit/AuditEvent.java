package de.rathaus.application.audit;

import java.time.Instant;

/**
 * One entry of the audit trail: a stored event with where it is (position in the store, sequence in
 * its aggregate), what it is (type and revision), when and by whom it was recorded, and its payload
 * as a JSON tree (maps, lists, text, numbers, booleans), personal values disclosed as the reader
 * may see them.
 *
 * @param position the global position in the store
 * @param sequence the sequence number in its aggregate
 * @param aggregateId the aggregate's id ({@code null} for an event of no aggregate)
 * @param aggregateType the aggregate's type, e.g. {@code ServiceRequest}
 * @param type the event type's simple name, e.g. {@code CaseAssigned}
 * @param payloadType the event type's full name
 * @param revision the event type's revision
 * @param timestamp when the event was recorded
 * @param actor who caused it
 * @param channel through which channel ({@code web}, {@code api}, {@code open311}), if recorded
 * @param correlationId the correlation id of the message that caused it
 * @param causationId the id of the message that caused it
 * @param payload the payload, a JSON tree
 */
public record AuditEvent(
    long position,
    long sequence,
    String aggregateId,
    String aggregateType,
    String type,
    String payloadType,
    String revision,
    Instant timestamp,
    AuditActor actor,
    String channel,
    String correlationId,
    String causationId,
    Object payload) {

  /** What a personal value reads as for an auditor. */
  public static final String PERSONAL = "[personal]";
}
