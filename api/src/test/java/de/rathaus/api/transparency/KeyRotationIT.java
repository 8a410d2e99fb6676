package de.rathaus.api.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import de.rathaus.api.cli.OfflineCommands;
import de.rathaus.application.transparency.Checkpoint;
import de.rathaus.application.transparency.LogKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rotating the log's signing key on one store: an engine signs checkpoints with key A; restarted on
 * the same store with key B and A listed as retired (its public half and its period), it signs with
 * B, and the checkpoints of both keys verify, through the API and offline with the well-known key
 * document. A checkpoint A signs after its period (a stolen retired key) and a changed one fail.
 */
class KeyRotationIT {

  private static final String LOG_ID = "rotation.example/log";

  @TempDir Path dataDir;
  @TempDir Path files;

  private ConfigurableApplicationContext start(String... settings) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--rathaus.data-dir=" + dataDir,
                "--rathaus.transparency.log-id=" + LOG_ID,
                "--rathaus.transparency.seal-interval=200ms",
                "--rathaus.transparency.checkpoint-interval=1s",
                "--rathaus.event-store.lease=2s",
                "--rathaus.participation.phase-check-interval=PT1H"));
    args.addAll(List.of(settings));
    return new SpringApplicationBuilder(RathausApplication.class).run(args.toArray(String[]::new));
  }

  private static TestClient client(ConfigurableApplicationContext engine) {
    return new TestClient(((ServletWebServerApplicationContext) engine).getWebServer().getPort());
  }

  private static KeyPair ed25519() throws Exception {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  private static String privatePem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static String publicPem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static String submit(TestClient client) {
    return client
        .post("/api/v1/requests")
        .as("anna")
        .json(
            """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
             "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
            """)
        .expect(201)
        .path("id")
        .asText();
  }

  private static JsonNode receipt(TestClient client, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      TestClient.Response answer =
          client.get("/api/v1/requests/" + id + "/receipt").as("anna").send();
      if (answer.status() == 200 || System.nanoTime() > deadline) {
        return answer.expect(200).json();
      }
      Thread.sleep(100);
    }
  }

  private record Ran(int exit, String out) {}

  private static Ran run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    int exit = OfflineCommands.run(args, o, o).orElseThrow();
    return new Ran(exit, out.toString(StandardCharsets.UTF_8));
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(files.resolve(name), text);
  }

  @Test
  void checkpointsOfTheRetiredKeyAndOfTheNewOneVerifyAfterTheRotation() throws Exception {
    KeyPair a = ed25519();
    KeyPair b = ed25519();
    JsonNode receiptA;
    try (ConfigurableApplicationContext engine =
        start("--rathaus.transparency.signing-key=" + privatePem(a))) {
      TestClient client = client(engine);
      receiptA = receipt(client, submit(client));
    }
    Instant rotation = Instant.now();
    assertThat(Checkpoint.fromJson(receiptA.path("checkpoint")).timestamp()).isBefore(rotation);

    JsonNode receiptB;
    JsonNode wellKnown;
    try (ConfigurableApplicationContext engine =
        start(
            "--rathaus.transparency.signing-key=" + privatePem(b),
            "--rathaus.transparency.signing-key-valid-from=" + rotation,
            "--rathaus.transparency.retired-keys[0].public-key=" + publicPem(a),
            "--rathaus.transparency.retired-keys[0].valid-until=" + rotation)) {
      TestClient client = client(engine);
      receiptB = receipt(client, submit(client));
      assertThat(receiptB.path("checkpoint").path("keyId").asText())
          .isNotEqualTo(receiptA.path("checkpoint").path("keyId").asText());

      JsonNode verification = client.get("/api/v1/audit/verification").as("udo").expect(200);
      assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
      assertThat(verification.path("checkpointsChecked").asLong()).isGreaterThanOrEqualTo(2);

      wellKnown = client.get("/.well-known/rathaus-log-key").expect(200);
      assertThat(wellKnown.path("keys")).hasSize(2);
      assertThat(wellKnown.path("keys").path(0).path("keyId").asText())
          .isEqualTo(receiptB.path("checkpoint").path("keyId").asText());
      assertThat(wellKnown.path("keys").path(1).path("keyId").asText())
          .isEqualTo(receiptA.path("checkpoint").path("keyId").asText());
      assertThat(wellKnown.path("keys").path(1).path("validUntil").asText())
          .isEqualTo(rotation.toString());

      String page = client.get("/portal/transparenz").send().body();
      assertThat(page).contains(wellKnown.path("keys").path(1).path("verifierKey").asText());

      // a checkpoint changed in the store fails the API's verification, whichever key signed it
      engine
          .getBean(MongoDatabase.class)
          .getCollection("checkpoints")
          .updateOne(
              Filters.eq("treeSize", receiptA.path("checkpoint").path("treeSize").asLong()),
              Updates.set("signedAt", rotation.minusSeconds(3600).toString()));
      JsonNode tampered = client.get("/api/v1/audit/verification").as("udo").expect(200);
      assertThat(tampered.path("valid").asBoolean()).as(tampered.toString()).isFalse();
    }

    Path keys = file("log-key.json", wellKnown.toString());
    Path oldReceipt = file("receipt-a.json", receiptA.toString());
    Path newReceipt = file("receipt-b.json", receiptB.toString());
    assertThat(run("verify-receipt", oldReceipt.toString(), keys.toString()).exit()).isZero();
    assertThat(run("verify-receipt", newReceipt.toString(), keys.toString()).exit()).isZero();
    // the two bare keys, each in a file of its own, verify as well
    Path keyA = file("a.pem", publicPem(a));
    Path keyB = file("b.pem", publicPem(b));
    assertThat(
            run("verify-receipt", oldReceipt.toString(), keyB.toString(), keyA.toString()).exit())
        .isZero();

    // whoever holds the retired private key cannot sign a checkpoint after its period
    Checkpoint signed = Checkpoint.fromJson(receiptA.path("checkpoint"));
    Checkpoint late =
        Checkpoint.sign(
            LOG_ID,
            signed.treeSize(),
            signed.rootHash(),
            rotation.plusSeconds(60),
            LogKey.fromPem(privatePem(a)));
    ObjectNode forged = receiptA.deepCopy();
    forged.set("checkpoint", late.toJson());
    Ran refused =
        run("verify-receipt", file("forged.json", forged.toString()).toString(), keys.toString());
    assertThat(refused.exit()).as(refused.out()).isEqualTo(1);
    assertThat(refused.out()).contains("period");
  }
}
