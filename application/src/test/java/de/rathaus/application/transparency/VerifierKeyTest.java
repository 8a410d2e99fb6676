package de.rathaus.application.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class VerifierKeyTest {

  private static final byte[] MESSAGE = "tree head".getBytes(StandardCharsets.UTF_8);

  private final LogKey key = LogKey.generate();

  @Test
  void readsTheSumdbVerifierKeyWithItsKeyId() {
    VerifierKey parsed = VerifierKey.parse(SumdbVector.VERIFIER_KEY);

    assertThat(parsed.name()).isEqualTo("PeterNeumann");
    assertThat(parsed.keyIdHex()).isEqualTo("c74f20a3");
  }

  @Test
  void refusesAVerifierKeyWhoseIdDoesNotMatch() {
    String wrongId = SumdbVector.VERIFIER_KEY.replace("c74f20a3", "c74f20a4");

    assertThatThrownBy(() -> VerifierKey.parse(wrongId))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsItsOwnVerifierKeyString() {
    VerifierKey published = key.verifierKey("rathaus.example/log");

    assertThat(VerifierKey.parse(published.verifierKeyString())).isEqualTo(published);
  }

  @Test
  void readsAPemPublicKeyWithoutAName() {
    VerifierKey published = key.verifierKey("rathaus.example/log");

    VerifierKey parsed = VerifierKey.parse(published.pem());

    assertThat(parsed.name()).isNull();
    assertThat(parsed.raw()).isEqualTo(published.raw());
  }

  @Test
  void readsTheJsonOfTheWellKnownAddress() {
    VerifierKey published = key.verifierKey("rathaus.example/log");

    assertThat(VerifierKey.parse(published.toJson().toString())).isEqualTo(published);
  }

  @Test
  void theWellKnownJsonHasExactlyTheAgreedFields() {
    VerifierKey published = key.verifierKey("rathaus.example/log");

    ObjectNode json = published.toJson();

    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("logId", "algorithm", "publicKey", "pem", "verifierKey");
    assertThat(json.get("algorithm").asText()).isEqualTo("Ed25519");
    assertThat(Base64.getDecoder().decode(json.get("publicKey").asText()))
        .isEqualTo(published.raw());
  }

  @Test
  void refusesAJsonWhoseFormsNameDifferentKeys() {
    ObjectNode json = key.verifierKey("rathaus.example/log").toJson();
    json.put("pem", LogKey.generate().verifierKey("rathaus.example/log").pem());

    assertThatThrownBy(() -> VerifierKey.parse(json.toString()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verifiesItsKeysSignature() {
    assertThat(key.verifierKey("log").verify(MESSAGE, key.sign(MESSAGE))).isTrue();
  }

  @Test
  void refusesAnotherKeysSignature() {
    byte[] signature = LogKey.generate().sign(MESSAGE);

    assertThat(key.verifierKey("log").verify(MESSAGE, signature)).isFalse();
  }

  @Test
  void refusesAKeyNameWithASpace() {
    assertThatThrownBy(() -> key.verifierKey("rathaus log"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
