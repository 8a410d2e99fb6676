package de.rathaus.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * One stored event as the storage engine hands it to Axon: payload and metadata stay Jackson trees
 * until a handler needs them, and are typed as {@link JsonNode} so that Jackson reads them without
 * a detour through bytes. A tombstone ({@link #tombstone}) stands for a position that readers gave
 * up; it carries nothing else.
 */
record StoredEvent(
    long globalIndex,
    String eventIdentifier,
    String aggregateType,
    String aggregateIdentifier,
    long sequenceNumber,
    Instant timestamp,
    String payloadType,
    String payloadRevision,
    JsonNode payload,
    JsonNode metaData,
    long reservedAt,
    long commitEnd,
    boolean tombstone) {

  /** A position given up by a reader: it holds no event and never will. */
  static StoredEvent tombstone(long globalIndex) {
    return new StoredEvent(
        globalIndex, null, null, null, 0, null, null, null, null, null, 0, 0, true);
  }

  boolean isDomainEvent() {
    return aggregateIdentifier != null;
  }

  /**
   * The position whose event decides the event's commit: the commit's last event, written last. An
   * event of a commit of one is its own decider.
   */
  long decider() {
    return commitEnd > 0 ? commitEnd : globalIndex;
  }

  TrackedEventData<JsonNode> tracked(TrackingToken token) {
    return isDomainEvent() ? new TrackedDomain(this, token) : new Tracked(this, token);
  }

  DomainEventData<JsonNode> domain() {
    return new TrackedDomain(this, null);
  }

  SerializedObject<JsonNode> serializedPayload() {
    return new SimpleSerializedObject<>(payload, JsonNode.class, payloadType, payloadRevision);
  }

  SerializedObject<JsonNode> serializedMetaData() {
    return new SimpleSerializedObject<>(
        metaData, JsonNode.class, EventDocuments.META_DATA_TYPE, null);
  }

  private record Tracked(StoredEvent event, TrackingToken trackingToken)
      implements TrackedEventData<JsonNode> {
    @Override
    public String getEventIdentifier() {
      return event.eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
      return event.timestamp;
    }

    @Override
    public SerializedObject<JsonNode> getMetaData() {
      return event.serializedMetaData();
    }

    @Override
    public SerializedObject<JsonNode> getPayload() {
      return event.serializedPayload();
    }
  }

  private record TrackedDomain(StoredEvent event, TrackingToken trackingToken)
      implements TrackedEventData<JsonNode>, DomainEventData<JsonNode> {
    @Override
    public String getType() {
      return event.aggregateType;
    }

    @Override
    public String getAggregateIdentifier() {
      return event.aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
      return event.sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
      return event.eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
      return event.timestamp;
    }

    @Override
    public SerializedObject<JsonNode> getMetaData() {
      return event.serializedMetaData();
    }

    @Override
    public SerializedObject<JsonNode> getPayload() {
      return event.serializedPayload();
    }
  }
}
