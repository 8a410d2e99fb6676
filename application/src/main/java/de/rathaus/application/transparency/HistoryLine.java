package de.rathaus.application.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One position of the history as the log's leaf and as a line of the history's export: the stored
 * event as stored (payload and metadata with the ciphertext of personal values, so that erasing a
 * key never changes a leaf), or a canonical tombstone for a position that holds no event (given up
 * by a reader, or part of an aborted commit). The leaf is the canonical JSON (RFC 8785) of the line
 * without {@value #LEAF_HASH}, which an export adds: the hash the engine sealed at that position.
 *
 * <p>Positions start at 1; leaf index = position − 1, so the tree has no holes.
 */
public final class HistoryLine {

  public static final String POSITION = "position";
  public static final String EVENT_ID = "eventId";
  public static final String AGGREGATE_TYPE = "aggregateType";
  public static final String AGGREGATE_ID = "aggregateId";
  public static final String SEQUENCE = "sequence";
  public static final String TIMESTAMP = "timestamp";
  public static final String PAYLOAD_TYPE = "payloadType";
  public static final String PAYLOAD_REVISION = "payloadRevision";
  public static final String META_DATA = "metaData";
  public static final String PAYLOAD = "payload";
  public static final String TOMBSTONE = "tombstone";

  /** The sealed leaf hash an export adds to a line (base64); not part of the leaf. */
  public static final String LEAF_HASH = "leafHash";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HistoryLine() {}

  /** The line of a stored event. */
  public static ObjectNode event(
      long position,
      String eventId,
      String aggregateType,
      String aggregateId,
      long sequence,
      Instant timestamp,
      String payloadType,
      String payloadRevision,
      JsonNode metaData,
      JsonNode payload) {
    ObjectNode line = NODES.objectNode();
    line.put(POSITION, position);
    line.put(EVENT_ID, eventId);
    line.put(AGGREGATE_TYPE, aggregateType);
    line.put(AGGREGATE_ID, aggregateId);
    line.put(SEQUENCE, sequence);
    line.put(TIMESTAMP, timestamp.toString());
    line.put(PAYLOAD_TYPE, payloadType);
    line.put(PAYLOAD_REVISION, payloadRevision);
    line.set(META_DATA, metaData == null ? NODES.objectNode() : metaData);
    line.set(PAYLOAD, payload == null ? NODES.nullNode() : payload);
    return line;
  }

  /** The line of a position that holds no event. */
  public static ObjectNode tombstone(long position) {
    ObjectNode line = NODES.objectNode();
    line.put(POSITION, position);
    line.put(TOMBSTONE, true);
    return line;
  }

  /** The line's position; {@code -1} if it has none. */
  public static long position(JsonNode line) {
    JsonNode position = line.get(POSITION);
    return position != null && position.canConvertToLong() && position.isIntegralNumber()
        ? position.longValue()
        : -1;
  }

  /** The leaf: the canonical bytes of the line without {@value #LEAF_HASH}. */
  public static byte[] leaf(JsonNode line) {
    return CanonicalJson.bytesWithout(line, LEAF_HASH);
  }

  /** The leaf hash of a line. */
  public static byte[] leafHash(JsonNode line) {
    return TreeHashes.leafHash(leaf(line));
  }

  /** The leaf index of a position: positions start at 1, leaves at 0. */
  public static long leafIndex(long position) {
    return position - 1;
  }

  /** The position of a leaf index. */
  public static long positionOf(long leafIndex) {
    return leafIndex + 1;
  }
}
