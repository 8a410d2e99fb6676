package de.rathaus.application.transparency;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small history for the verification tests, as the engine would export and seal it: its lines
 * (events and one tombstone) with the sealed {@code leafHash}, its stored perfect subtrees, and a
 * checkpoint over it signed by a key of its own.
 */
final class TestLog {

  static final String LOG_ID = "rathaus.example/log";
  static final Instant SIGNED_AT = Instant.parse("2026-12-02T08:00:00Z");
  static final int TOMBSTONE_AT = 6;

  final LogKey key = LogKey.generate();
  final VerifierKey verifier = key.verifierKey(LOG_ID);
  final List<ObjectNode> lines = new ArrayList<>();
  private final Map<String, byte[]> subtrees = new HashMap<>();
  private final Frontier frontier = new Frontier();

  TestLog(int size) {
    for (int position = 1; position <= size; position++) {
      ObjectNode line =
          position == TOMBSTONE_AT ? HistoryLine.tombstone(position) : event(position);
      frontier.add(
          HistoryLine.leafHash(line),
          (height, index, hash) -> subtrees.put(height + "/" + index, hash));
      line.put(
          HistoryLine.LEAF_HASH, Base64.getEncoder().encodeToString(HistoryLine.leafHash(line)));
      lines.add(line);
    }
  }

  static ObjectNode event(int position) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("serviceCode", "pothole");
    payload.put("description", "enc:v1:ciphertext-" + position);
    return HistoryLine.event(
        position,
        "event-" + position,
        "ServiceRequest",
        "request-" + (position % 3),
        position / 3,
        Instant.parse("2026-12-01T10:00:00Z").plusSeconds(position),
        "de.rathaus.domain.servicerequest.ServiceRequestSubmitted",
        "1",
        JsonNodeFactory.instance.objectNode().put("actor", "citizen"),
        payload);
  }

  Checkpoint checkpoint() {
    return checkpoint(key);
  }

  Checkpoint checkpoint(LogKey signer) {
    return Checkpoint.sign(LOG_ID, frontier.size(), frontier.root(), SIGNED_AT, signer);
  }

  List<byte[]> inclusionProof(long position) {
    return MerkleTree.inclusionProof(
        HistoryLine.leafIndex(position),
        frontier.size(),
        (height, index) -> subtrees.get(height + "/" + index));
  }

  /** The line of a position (1-based), to change in a test. */
  ObjectNode line(int position) {
    return lines.get(position - 1);
  }

  BufferedReader export() {
    return export(lines);
  }

  static BufferedReader export(List<ObjectNode> lines) {
    StringBuilder text = new StringBuilder();
    for (ObjectNode line : lines) {
      text.append(line.toString()).append('\n');
    }
    return new BufferedReader(new StringReader(text.toString()));
  }
}
