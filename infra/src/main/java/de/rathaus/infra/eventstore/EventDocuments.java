package de.rathaus.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The shape of an event (and of a snapshot) in MongoDB. Every hot query is an equality or an {@code
 * $in} on a single-field unique key, because that is what the embedded server can answer from an
 * index:
 *
 * <ul>
 *   <li>{@code _id}: aggregate id, a slash and the zero-padded sequence number, so a second event
 *       for the same aggregate and sequence is a duplicate key, and an aggregate is loaded by
 *       {@code $in} of the ids it must have;
 *   <li>{@code globalIndex}: the position in the store (unique), fetched by processors by {@code
 *       $in} of the next positions plus open gaps;
 *   <li>{@code eventId}: the event's identifier (unique).
 * </ul>
 *
 * <p>Each event of a commit of several also carries {@code commitEnd}, the position of the commit's
 * last event, which is written last: the commit counts only once that event is stored, and is
 * aborted if a tombstone holds that position instead. A tombstone is the document a reader writes
 * at a position it gives up ({@code _id} and {@code eventId} {@code ~tomb/<position>}, {@code
 * tombstone: true}): the unique {@code globalIndex} lets either an event or a tombstone have a
 * position, never both, whatever the clocks say.
 */
final class EventDocuments {

  static final String ID = "_id";
  static final String GLOBAL_INDEX = "globalIndex";
  static final String EVENT_ID = "eventId";
  static final String AGGREGATE_TYPE = "aggregateType";
  static final String AGGREGATE_ID = "aggregateId";
  static final String SEQUENCE = "sequence";
  static final String TIMESTAMP = "timestamp";
  static final String PAYLOAD_TYPE = "payloadType";
  static final String PAYLOAD_REVISION = "payloadRevision";
  static final String PAYLOAD = "payload";
  static final String META_DATA = "metaData";
  static final String RESERVED_AT = "reservedAt";
  static final String COMMIT_END = "commitEnd";
  static final String TOMBSTONE = "tombstone";

  static final String META_DATA_TYPE = MetaData.class.getName();

  private final Serializer serializer;
  private final ObjectMapper objectMapper;

  EventDocuments(Serializer serializer) {
    this.serializer = serializer;
    this.objectMapper =
        serializer instanceof JacksonSerializer jackson ? jackson.getObjectMapper() : null;
  }

  static String documentId(String aggregateId, long sequence) {
    return aggregateId + "/" + String.format("%019d", sequence);
  }

  /** The stored document of an event at the given position, reserved at the given instant. */
  BsonDocument toDocument(EventMessage<?> event, long globalIndex, long reservedAt) {
    BsonDocument document = new BsonDocument();
    if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
      document.append(
          ID,
          new BsonString(documentId(domain.getAggregateIdentifier(), domain.getSequenceNumber())));
      document.append(GLOBAL_INDEX, new BsonInt64(globalIndex));
      document.append(EVENT_ID, new BsonString(event.getIdentifier()));
      document.append(AGGREGATE_TYPE, nullable(domain.getType()));
      document.append(AGGREGATE_ID, new BsonString(domain.getAggregateIdentifier()));
      document.append(SEQUENCE, new BsonInt64(domain.getSequenceNumber()));
    } else {
      document.append(ID, new BsonString("~" + event.getIdentifier()));
      document.append(GLOBAL_INDEX, new BsonInt64(globalIndex));
      document.append(EVENT_ID, new BsonString(event.getIdentifier()));
    }
    appendBody(document, event);
    document.append(RESERVED_AT, new BsonInt64(reservedAt));
    return document;
  }

  /** The document that gives a position up: it holds the position, and no event ever will. */
  static BsonDocument tombstone(long globalIndex) {
    BsonString id = new BsonString("~tomb/" + globalIndex);
    return new BsonDocument(ID, id)
        .append(GLOBAL_INDEX, new BsonInt64(globalIndex))
        .append(EVENT_ID, id)
        .append(TOMBSTONE, BsonBoolean.TRUE);
  }

  /** The stored document of a snapshot: one per aggregate, keyed by the aggregate id. */
  BsonDocument toSnapshotDocument(DomainEventMessage<?> snapshot) {
    BsonDocument document = new BsonDocument();
    document.append(ID, new BsonString(snapshot.getAggregateIdentifier()));
    document.append(EVENT_ID, new BsonString(snapshot.getIdentifier()));
    document.append(AGGREGATE_TYPE, nullable(snapshot.getType()));
    document.append(AGGREGATE_ID, new BsonString(snapshot.getAggregateIdentifier()));
    document.append(SEQUENCE, new BsonInt64(snapshot.getSequenceNumber()));
    appendBody(document, snapshot);
    return document;
  }

  private void appendBody(BsonDocument document, EventMessage<?> event) {
    SerializedType type = serializer.typeForClass(event.getPayloadType());
    document.append(TIMESTAMP, new BsonString(event.getTimestamp().toString()));
    document.append(PAYLOAD_TYPE, new BsonString(type.getName()));
    document.append(PAYLOAD_REVISION, nullable(type.getRevision()));
    document.append(PAYLOAD, BsonJson.toBson(tree(event.getPayload())));
    document.append(META_DATA, BsonJson.toBson(tree(event.getMetaData())));
  }

  private JsonNode tree(Object value) {
    if (objectMapper != null) {
      return objectMapper.valueToTree(value);
    }
    return serializer.serialize(value, JsonNode.class).getData();
  }

  static StoredEvent fromDocument(BsonDocument document) {
    if (document.containsKey(TOMBSTONE)) {
      return StoredEvent.tombstone(document.getNumber(GLOBAL_INDEX).longValue());
    }
    BsonValue commitEnd = document.get(COMMIT_END);
    BsonValue aggregateId = document.get(AGGREGATE_ID);
    BsonValue globalIndex = document.get(GLOBAL_INDEX);
    BsonValue reservedAt = document.get(RESERVED_AT);
    return new StoredEvent(
        globalIndex == null ? -1 : globalIndex.asNumber().longValue(),
        document.getString(EVENT_ID).getValue(),
        text(document.get(AGGREGATE_TYPE)),
        aggregateId == null || aggregateId.isNull() ? null : aggregateId.asString().getValue(),
        aggregateId == null ? 0 : document.getNumber(SEQUENCE).longValue(),
        Instant.parse(document.getString(TIMESTAMP).getValue()),
        document.getString(PAYLOAD_TYPE).getValue(),
        text(document.get(PAYLOAD_REVISION)),
        BsonJson.toJson(document.get(PAYLOAD, BsonNull.VALUE)),
        BsonJson.toJson(document.get(META_DATA, new BsonDocument())),
        reservedAt == null ? 0 : reservedAt.asNumber().longValue(),
        commitEnd == null ? 0 : commitEnd.asNumber().longValue(),
        false);
  }

  private static BsonValue nullable(String value) {
    return value == null ? BsonNull.VALUE : new BsonString(value);
  }

  private static String text(BsonValue value) {
    return value == null || value.isNull() ? null : value.asString().getValue();
  }
}
