package de.rathaus.application.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CheckpointTest {

  private static final String LOG = "rathaus.example/log";
  private static final Instant AT = Instant.parse("2026-12-02T07:20:29.123456Z");

  private final LogKey key = LogKey.generate();
  private final VerifierKey verifier = key.verifierKey(LOG);
  private final byte[] root = root((byte) 7);
  private final Checkpoint checkpoint = Checkpoint.sign(LOG, 42, root, AT, key);

  private static byte[] root(byte fill) {
    byte[] root = new byte[32];
    Arrays.fill(root, fill);
    return root;
  }

  @Test
  void aSignedCheckpointVerifiesWithItsKey() {
    assertThat(checkpoint.verify(verifier)).isTrue();
  }

  @Test
  void aCheckpointSignedWithAnotherKeyIsRefused() {
    Checkpoint forged = Checkpoint.sign(LOG, 42, root, AT, LogKey.generate());

    assertThat(forged.verify(verifier)).isFalse();
  }

  @Test
  void aKeyOfAnotherLogIsRefusedEvenWithTheSameKeyMaterial() {
    assertThat(checkpoint.verify(key.verifierKey("other.example/log"))).isFalse();
  }

  @Test
  void aKeyWithoutANameChecksUnderTheLogId() {
    VerifierKey pem = VerifierKey.parse(verifier.pem());

    assertThat(checkpoint.verify(pem)).isTrue();
  }

  @Test
  void aChangedTreeSizeIsRefused() {
    assertThat(withJson("treeSize", 41).verify(verifier)).isFalse();
  }

  @Test
  void aChangedRootIsRefused() {
    String other = Base64.getEncoder().encodeToString(root((byte) 8));

    assertThat(withJson("rootHash", other).verify(verifier)).isFalse();
  }

  @Test
  void aChangedTimestampIsRefused() {
    assertThat(withJson("timestamp", "2026-12-01T07:20:29.123Z").verify(verifier)).isFalse();
  }

  @Test
  void aChangedNoteIsRefused() {
    String note = checkpoint.note().replace("\n42\n", "\n43\n");

    assertThat(withJson("note", note).verify(verifier)).isFalse();
  }

  @Test
  void aNoteSignedForAnotherTreeHeadIsRefused() {
    String otherNote = Checkpoint.sign(LOG, 43, root, AT, key).note();

    assertThat(withJson("note", otherNote).verify(verifier)).isFalse();
  }

  @Test
  void theTimestampIsSignedInMilliseconds() {
    assertThat(checkpoint.timestamp()).isEqualTo(Instant.parse("2026-12-02T07:20:29.123Z"));
  }

  @Test
  void theSignedMessageIsTheDocumentedText() {
    String expected =
        "rathaus-checkpoint/v1\n"
            + LOG
            + "\n42\n"
            + Base64.getEncoder().encodeToString(root)
            + "\n2026-12-02T07:20:29.123Z\n";

    assertThat(new String(checkpoint.signedMessage(), StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void theNoteIsATlogCheckpointSignedUnderTheLogId() {
    String body = LOG + "\n42\n" + Base64.getEncoder().encodeToString(root) + "\n";

    assertThat(checkpoint.note()).startsWith(body + "\n\u2014 " + LOG + " ");
    assertThat(SignedNote.open(checkpoint.note(), verifier)).contains(body);
  }

  @Test
  void theNoteVerifiesWithTheVerifierKeyStringWitnessesUse() {
    VerifierKey published = VerifierKey.parse(verifier.verifierKeyString());

    assertThat(checkpoint.noteVerifies(published)).isTrue();
  }

  @Test
  void theJsonRoundTripKeepsEveryFieldAndTheKeyId() {
    ObjectNode json = checkpoint.toJson();

    assertThat(Checkpoint.fromJson(json)).isEqualTo(checkpoint);
    assertThat(json.get("keyId").asText()).isEqualTo(verifier.keyIdHex());
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "logId", "treeSize", "rootHash", "timestamp", "signature", "keyId", "note");
  }

  @Test
  void aMalformedJsonIsRefusedAsBadInput() {
    ObjectNode json = checkpoint.toJson();
    json.put("rootHash", "not base64!");

    assertThatThrownBy(() -> Checkpoint.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Checkpoint withJson(String field, Object value) {
    ObjectNode json = checkpoint.toJson();
    if (value instanceof Integer number) {
      json.put(field, number);
    } else {
      json.put(field, (String) value);
    }
    return Checkpoint.fromJson(json);
  }
}
