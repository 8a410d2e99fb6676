package de.rathaus.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An event as it is stored, for auditors: its place in the store and in its aggregate, its type and
 * revision, and payload and metadata as stored (personal values still encrypted).
 *
 * @param position the global position
 * @param eventId the event's identifier
 * @param aggregateId the aggregate's id, {@code null} for an event of no aggregate
 * @param aggregateType the aggregate's type, {@code null} for an event of no aggregate
 * @param sequence the sequence number in the aggregate (0 for an event of no aggregate)
 * @param timestamp when the event was recorded
 * @param payloadType the payload's full type name
 * @param payloadRevision the payload's revision, {@code null} if it has none
 * @param payload the payload as stored
 * @param metaData the metadata as stored
 */
public record RecordedEvent(
    long position,
    String eventId,
    String aggregateId,
    String aggregateType,
    long sequence,
    Instant timestamp,
    String payloadType,
    String payloadRevision,
    JsonNode payload,
    JsonNode metaData) {

  static RecordedEvent of(StoredEvent event) {
    return new RecordedEvent(
        event.globalIndex(),
        event.eventIdentifier(),
        event.aggregateIdentifier(),
        event.aggregateType(),
        event.sequenceNumber(),
        event.timestamp(),
        event.payloadType(),
        event.payloadRevision(),
        event.payload(),
        event.metaData());
  }
}
