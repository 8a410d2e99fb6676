package de.rathaus.api.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.rathaus.api.TestClient;
import de.rathaus.application.transparency.Checkpoint;
import de.rathaus.application.transparency.HistoryVerification;
import de.rathaus.application.transparency.MerkleTree;
import de.rathaus.application.transparency.ReceiptVerification;
import de.rathaus.application.transparency.VerifierKey;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tamper evidence through HTTP, as a citizen, an auditor and a journalist use it: a submission's
 * receipt verified offline with the published key, checkpoints consistent with each other, the
 * auditors' verification, an erasure that leaves the log whole, and a stored event changed behind
 * the engine's back found by the engine and by the offline check of an export (last: it spoils the
 * store).
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "rathaus.transparency.seal-interval=200ms",
      "rathaus.transparency.checkpoint-interval=1s",
      // the unused rest of a block of positions is given up after twice the lease
      "rathaus.event-store.lease=2s"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TamperEvidenceIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired MongoDatabase database;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port);
  }

  private JsonNode submit(String citizen) {
    return client
        .post("/api/v1/requests")
        .as(citizen)
        .json(
            """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
             "description": "Bitte schnell",
             "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
            """)
        .expect(201);
  }

  private VerifierKey publishedKey() {
    return VerifierKey.fromJson(client.get("/.well-known/rathaus-log-key").expect(200));
  }

  private static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      T value = probe.get();
      if (done.test(value) || System.nanoTime() > deadline) {
        return value;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private JsonNode receipt(String id, String citizen) {
    TestClient.Response answer =
        await(
            () -> client.get("/api/v1/requests/" + id + "/receipt").as(citizen).send(),
            r -> r.status() == 200);
    return answer.expect(200).json();
  }

  @Test
  @Order(1)
  void aSubmissionsReceiptProvesToAnyoneWhatWasFiledAndWhen() {
    JsonNode submitted = submit("anna");
    String id = submitted.path("id").asText();
    assertThat(submitted.path("position").asLong()).isPositive();
    assertThat(submitted.path("leafHash").asText()).isNotBlank();

    JsonNode receipt = receipt(id, "anna");

    assertThat(receipt.path("position").asLong()).isEqualTo(submitted.path("position").asLong());
    assertThat(receipt.path("leafHash").asText()).isEqualTo(submitted.path("leafHash").asText());
    assertThat(receipt.path("leaf").asText())
        .contains("ServiceRequestSubmitted")
        .doesNotContain("Anna Beispiel")
        .doesNotContain("anna@example.org");
    ReceiptVerification.Result result = ReceiptVerification.verify(receipt, publishedKey());
    assertThat(result.valid()).as(result.reason()).isTrue();
    client.get("/api/v1/requests/" + id + "/receipt").as("ben").expect(404);
  }

  @Test
  @Order(2)
  void aReceiptCheckedWithAnotherKeyIsRefused() {
    String id = submit("anna").path("id").asText();
    JsonNode receipt = receipt(id, "anna");
    VerifierKey other =
        de.rathaus.application.transparency.LogKey.generate().verifierKey("rathaus.example/demo");

    assertThat(ReceiptVerification.verify(receipt, other).valid()).isFalse();
  }

  @Test
  @Order(3)
  void everyCheckpointIsConsistentWithTheLatestAndSignedByThePublishedKey() {
    submit("ben");
    JsonNode first =
        await(
            () -> client.get("/api/v1/audit/checkpoints?size=500").expect(200),
            page -> page.path("items").size() >= 2);
    List<JsonNode> checkpoints = new ArrayList<>();
    first.path("items").forEach(checkpoints::add);
    assertThat(checkpoints).hasSizeGreaterThanOrEqualTo(2);
    JsonNode latest = checkpoints.get(0);
    JsonNode oldest = checkpoints.get(checkpoints.size() - 1);
    VerifierKey key = publishedKey();
    for (JsonNode checkpoint : checkpoints) {
      assertThat(Checkpoint.fromJson(checkpoint).verify(key)).isTrue();
      assertThat(Checkpoint.fromJson(checkpoint).noteVerifies(key)).isTrue();
    }

    JsonNode proof =
        client
            .get(
                "/api/v1/audit/proofs/consistency?from="
                    + oldest.path("treeSize").asLong()
                    + "&to="
                    + latest.path("treeSize").asLong())
            .expect(200);
    List<byte[]> path = new ArrayList<>();
    proof.path("proof").forEach(p -> path.add(Base64.getDecoder().decode(p.asText())));

    assertThat(
            MerkleTree.verifyConsistency(
                oldest.path("treeSize").asLong(),
                latest.path("treeSize").asLong(),
                Base64.getDecoder().decode(oldest.path("rootHash").asText()),
                Base64.getDecoder().decode(latest.path("rootHash").asText()),
                path))
        .isTrue();
  }

  @Test
  @Order(4)
  void badProofRequestsAreProblemsNamingTheField() {
    JsonNode problem =
        client.get("/api/v1/audit/proofs/inclusion?position=abc").send().expect(400).json();
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("position");
    JsonNode beyond =
        client
            .get("/api/v1/audit/proofs/inclusion?position=1&treeSize=999999999")
            .send()
            .expect(400)
            .json();
    assertThat(beyond.path("errors").get(0).path("field").asText()).isEqualTo("treeSize");
    client.get("/api/v1/audit/proofs/consistency?from=0").send().expect(400);
    client.get("/api/v1/audit/checkpoints?cursor=nonsense").send().expect(400);
  }

  @Test
  @Order(5)
  void theHistoryStillVerifiesAfterACryptoShreddingErasure() {
    String id = submit("ben").path("id").asText();
    JsonNode before = receipt(id, "ben");
    client
        .post("/api/v1/privacy/subjects/ben/erasure")
        .as("ada")
        .json("{\"reason\":\"CONSENT_WITHDRAWN\"}")
        .expect(200);
    await(
        () -> client.get("/api/v1/audit/checkpoints/latest").expect(200),
        c -> c.path("treeSize").asLong() > before.path("checkpoint").path("treeSize").asLong());

    JsonNode verification = client.get("/api/v1/audit/verification").as("udo").expect(200);

    assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.path("checkedSize").asLong()).isPositive();
    assertThat(ReceiptVerification.verify(before, publishedKey()).valid()).isTrue();
  }

  @Test
  @Order(6)
  void aStoredEventChangedBehindTheEnginesBackIsFoundByTheEngineAndByTheOfflineCheck()
      throws Exception {
    JsonNode submitted = submit("anna");
    String id = submitted.path("id").asText();
    long position = submitted.path("position").asLong();
    receipt(id, "anna");
    JsonNode checkpoint = client.get("/api/v1/audit/checkpoints/latest").expect(200);
    MongoCollection<BsonDocument> events = database.getCollection("events", BsonDocument.class);
    events.updateOne(
        Filters.eq("globalIndex", position), Updates.set("metaData.actorId", "mallory"));

    JsonNode verification = client.get("/api/v1/audit/verification").as("udo").expect(200);
    assertThat(verification.path("valid").asBoolean()).isFalse();
    assertThat(verification.path("firstBadPosition").asLong()).isEqualTo(position);

    // the running engine holds the embedded store, so the export reads it through its database
    StringWriter export = new StringWriter();
    de.rathaus.infra.transparency.HistoryExport.write(database, export);
    HistoryVerification.Result offline =
        HistoryVerification.verify(
            new BufferedReader(new StringReader(export.toString())),
            Checkpoint.fromJson(checkpoint),
            publishedKey());
    assertThat(offline.valid()).isFalse();
    assertThat(offline.firstBadPosition()).isEqualTo(position);
    assertThat(offline.checkedSize())
        .as("every covered line was read")
        .isEqualTo(checkpoint.path("treeSize").asLong());
  }
}
