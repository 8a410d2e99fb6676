package de.rathaus.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import de.rathaus.application.transparency.Checkpoint;
import de.rathaus.application.transparency.MerkleTree;
import de.rathaus.application.transparency.ReceiptVerification;
import de.rathaus.application.transparency.VerifierKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The commands of a city's journalist on a real engine's store: a receipt taken before a restart
 * verifies after it (same key, the tree goes on), and the history exported from the stopped
 * engine's data directory verifies offline against the last checkpoint, as the published key says.
 */
class OfflineCommandsIT {

  @TempDir Path dataDir;
  @TempDir Path files;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(RathausApplication.class)
        .run(
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--rathaus.data-dir=" + dataDir,
            "--rathaus.transparency.seal-interval=200ms",
            "--rathaus.transparency.checkpoint-interval=1s",
            "--rathaus.event-store.lease=2s",
            "--rathaus.participation.phase-check-interval=PT1H");
  }

  private static TestClient client(ConfigurableApplicationContext engine) {
    return new TestClient(((ServletWebServerApplicationContext) engine).getWebServer().getPort());
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

  private record Ran(int exit, String out, String err) {}

  private static Ran run(String... args) {
    return run(Map.of(), args);
  }

  private static Ran run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    int exit =
        args[0].equals("export-history")
            ? HistoryExportCommand.run(args, env, o, e)
            : OfflineCommands.run(args, o, e).orElseThrow();
    return new Ran(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aReceiptFromBeforeARestartVerifiesAfterItAndTheStoppedEnginesExportVerifiesOffline()
      throws Exception {
    JsonNode receipt;
    String key;
    JsonNode lastCheckpoint;
    try (ConfigurableApplicationContext engine = start()) {
      TestClient client = client(engine);
      receipt = receipt(client, submit(client));
      key = client.get("/.well-known/rathaus-log-key").expect(200).toString();
      lastCheckpoint = client.get("/api/v1/audit/checkpoints/latest").expect(200);
    }
    Path receiptFile = Files.writeString(files.resolve("receipt.json"), receipt.toString());
    Path keyFile = Files.writeString(files.resolve("log-key.json"), key);
    Path checkpointFile =
        Files.writeString(files.resolve("checkpoint.json"), lastCheckpoint.toString());

    // the engine is stopped: the journalist exports its store and checks it with the key alone
    Path export = files.resolve("history.jsonl");
    Ran exported =
        run(Map.of("RATHAUS_DATA_DIR", dataDir.toString()), "export-history", export.toString());
    assertThat(exported.exit()).as(exported.err()).isZero();
    Ran verified = run("verify", export.toString(), checkpointFile.toString(), keyFile.toString());
    assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
    assertThat(run("verify-receipt", receiptFile.toString(), keyFile.toString()).exit()).isZero();

    try (ConfigurableApplicationContext engine = start()) {
      TestClient client = client(engine);
      VerifierKey published =
          VerifierKey.fromJson(client.get("/.well-known/rathaus-log-key").expect(200));
      assertThat(published).isEqualTo(VerifierKey.parse(key));
      assertThat(ReceiptVerification.verify(receipt, published).valid()).isTrue();

      JsonNode later = receipt(client, submit(client));
      long from = lastCheckpoint.path("treeSize").asLong();
      long to = later.path("checkpoint").path("treeSize").asLong();
      assertThat(to).isGreaterThan(from);
      JsonNode proof =
          client.get("/api/v1/audit/proofs/consistency?from=" + from + "&to=" + to).expect(200);
      List<byte[]> path = new ArrayList<>();
      proof.path("proof").forEach(p -> path.add(Base64.getDecoder().decode(p.asText())));
      assertThat(
              MerkleTree.verifyConsistency(
                  from,
                  to,
                  Checkpoint.fromJson(lastCheckpoint).rootHash(),
                  Checkpoint.fromJson(later.path("checkpoint")).rootHash(),
                  path))
          .isTrue();
      JsonNode verification = client.get("/api/v1/audit/verification").as("udo").expect(200);
      assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
    }
  }

  @Test
  void theExportOfARunningEnginesEmbeddedStoreIsRefusedNamingWhatToDo() {
    try (ConfigurableApplicationContext engine = start()) {
      Ran refused =
          run(
              Map.of("RATHAUS_DATA_DIR", dataDir.toString()),
              "export-history",
              files.resolve("history.jsonl").toString());
      assertThat(refused.exit()).isEqualTo(2);
      assertThat(refused.err()).contains("stop the engine");
    }
  }
}
