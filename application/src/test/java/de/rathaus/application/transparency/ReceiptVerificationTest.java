package de.rathaus.application.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ReceiptVerificationTest {

  private static final int POSITION = 5;

  private final TestLog log = new TestLog(11);

  /** The receipt the engine would hand out for position 5, as JSON. */
  static ObjectNode receipt(TestLog log, int position) {
    ObjectNode line = log.line(position).deepCopy();
    line.remove(HistoryLine.LEAF_HASH);
    ObjectNode receipt = JsonNodeFactory.instance.objectNode();
    receipt.put("requestId", "request-" + (position % 3));
    receipt.put("position", position);
    receipt.put("leafIndex", position - 1);
    receipt.put("leaf", CanonicalJson.text(line));
    receipt.put("leafHash", Base64.getEncoder().encodeToString(HistoryLine.leafHash(line)));
    receipt.set("checkpoint", log.checkpoint().toJson());
    ArrayNode proof = receipt.putArray("inclusionProof");
    log.inclusionProof(position)
        .forEach(hash -> proof.add(Base64.getEncoder().encodeToString(hash)));
    return receipt;
  }

  private ReceiptVerification.Result verify(ObjectNode receipt) {
    return ReceiptVerification.verify(receipt, log.verifier);
  }

  @Test
  void theEnginesReceiptVerifies() {
    assertThat(verify(receipt(log, POSITION)).valid()).isTrue();
  }

  @Test
  void everyPositionsReceiptVerifies() {
    for (int position = 1; position <= 11; position++) {
      assertThat(verify(receipt(log, position)).valid()).as("position %d", position).isTrue();
    }
  }

  @Test
  void aChangedLeafIsRefused() {
    ObjectNode receipt = receipt(log, POSITION);
    receipt.put("leaf", receipt.get("leaf").asText().replace("pothole", "graffiti"));

    assertThat(verify(receipt).valid()).isFalse();
  }

  @Test
  void aChangedLeafWithItsHashChangedTooIsRefusedByTheProof() {
    ObjectNode receipt = receipt(log, POSITION);
    String leaf = receipt.get("leaf").asText().replace("pothole", "graffiti");
    receipt.put("leaf", leaf);
    receipt.put(
        "leafHash",
        Base64.getEncoder()
            .encodeToString(
                TreeHashes.leafHash(leaf.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

    ReceiptVerification.Result result = verify(receipt);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).contains("inclusion proof");
  }

  @Test
  void aLeafThatIsNotCanonicalIsRefused() {
    ObjectNode receipt = receipt(log, POSITION);
    String spaced = receipt.get("leaf").asText().replace(",", ", ");
    receipt.put("leaf", spaced);
    receipt.put(
        "leafHash",
        Base64.getEncoder()
            .encodeToString(
                TreeHashes.leafHash(spaced.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

    assertThat(verify(receipt).reason()).contains("canonical");
  }

  @Test
  void aLeafOfAnotherPositionIsRefused() {
    ObjectNode receipt = receipt(log, POSITION);
    ObjectNode other = receipt(log, POSITION + 1);
    receipt.set("leaf", other.get("leaf"));
    receipt.set("leafHash", other.get("leafHash"));

    ReceiptVerification.Result result = verify(receipt);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).contains("is not the event at position 5");
  }

  @Test
  void aChangedProofIsRefused() {
    ObjectNode receipt = receipt(log, POSITION);
    ((ArrayNode) receipt.get("inclusionProof"))
        .set(0, Base64.getEncoder().encodeToString(new byte[32]));

    assertThat(verify(receipt).valid()).isFalse();
  }

  @Test
  void aShortenedProofIsRefused() {
    ObjectNode receipt = receipt(log, POSITION);
    ((ArrayNode) receipt.get("inclusionProof")).remove(0);

    assertThat(verify(receipt).valid()).isFalse();
  }

  @Test
  void aReceiptCheckedWithAnotherKeyIsRefused() {
    ReceiptVerification.Result result =
        ReceiptVerification.verify(
            receipt(log, POSITION), LogKey.generate().verifierKey(TestLog.LOG_ID));

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).contains("checkpoint");
  }

  @Test
  void aPositionBeyondTheCheckpointIsRefused() {
    ObjectNode receipt = receipt(log, POSITION);
    receipt.put("position", 12);
    receipt.put("leafIndex", 11);

    assertThat(verify(receipt).valid()).isFalse();
  }

  @Test
  void aLeafIndexThatIsNotThePositionMinusOneIsRefused() {
    ObjectNode receipt = receipt(log, POSITION);
    receipt.put("leafIndex", POSITION);

    assertThat(verify(receipt).valid()).isFalse();
  }

  @Test
  void aReceiptThatIsNoJsonIsRefused() {
    assertThat(ReceiptVerification.verify("{receipt", log.verifier).valid()).isFalse();
  }
}
