package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.rathaus.api.TestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code Idempotency-Key} on submissions: a repeat with the same key and body answers the first
 * answer and creates nothing; another body under the key is refused with 422; keys are per caller;
 * a failed first attempt does not use the key up; concurrent repeats create one request.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired MongoDatabase database;

  private static String certificate(String purpose) {
    return """
        {"serviceCode": "meldebescheinigung",
         "attributes": {"certificate_kind": "simple", "purpose": "%s",
                        "delivery": "post", "copies": 1},
         "applicant": {"name": "Ben Beispiel"}}
        """
        .formatted(purpose);
  }

  private TestClient.Response submit(String user, String key, String body) {
    return new TestClient(port)
        .post("/api/v1/requests")
        .json(body)
        .as(user)
        .header("Idempotency-Key", key)
        .send();
  }

  private int requestsOf(String user) {
    return new TestClient(port).get("/api/v1/requests").as(user).expect(200).path("items").size();
  }

  @Test
  void theSameKeyAndBodyAnswerTheFirstAnswerAndCreateNothing() {
    int before = requestsOf("ben");
    TestClient.Response first = submit("ben", "key-1", certificate("Arbeitgeber")).expect(201);
    // the same body with its fields in another order is the same body
    TestClient.Response again =
        submit(
                "ben",
                "key-1",
                """
                {"applicant": {"name": "Ben Beispiel"},
                 "attributes": {"copies": 1, "delivery": "post", "purpose": "Arbeitgeber",
                                "certificate_kind": "simple"},
                 "serviceCode": "meldebescheinigung"}
                """)
            .expect(201);

    assertThat(again.json()).isEqualTo(first.json());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(first.header("Idempotent-Replayed")).isEmpty();
    assertThat(requestsOf("ben")).isEqualTo(before + 1);
  }

  /**
   * The process died after its submission was stored and before it recorded the answer: the claim
   * stays without one until it counts as abandoned. The retry runs again and must find the first
   * request instead of making a second one.
   */
  @Test
  void aRetryAfterTheFirstAttemptDiedBeforeItsAnswerCreatesNoSecondRequest() {
    int before = requestsOf("ben");
    JsonNode first = submit("ben", "died-1", certificate("Vermieter")).expect(201).json();
    MongoCollection<Document> records = database.getCollection("idempotency_keys");
    Document claim = records.find(Filters.regex("answer", first.path("id").asText())).first();
    assertThat(claim).as("the first attempt's record").isNotNull();
    Date longAgo = Date.from(Instant.now().minus(Duration.ofMinutes(10)));
    records.updateOne(
        Filters.eq("_id", claim.get("_id")),
        Updates.combine(
            Updates.unset("answer"),
            Updates.set("claimedAt", longAgo),
            Updates.set("attemptAt", longAgo)));

    JsonNode retried = submit("ben", "died-1", certificate("Vermieter")).expect(201).json();

    assertThat(retried.path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(retried.path("caseNumber").asText()).isEqualTo(first.path("caseNumber").asText());
    assertThat(requestsOf("ben")).isEqualTo(before + 1);
  }

  /**
   * The instance that ran the first attempt was killed (kill -9) while it ran: its claim is fresh,
   * held by that instance, and never renewed again. A retry on another instance takes it over once
   * it has seen the lease unrenewed for the lease (seconds), instead of a 409 for two minutes, and
   * finds the request the first attempt stored.
   */
  @Test
  void aRetryTakesOverFromAnInstanceKilledWhileItsAttemptRan() {
    int before = requestsOf("ben");
    JsonNode first = submit("ben", "killed-1", certificate("Vermieter")).expect(201).json();
    MongoCollection<Document> records = database.getCollection("idempotency_keys");
    Document claim = records.find(Filters.regex("answer", first.path("id").asText())).first();
    assertThat(claim).as("the first attempt's record").isNotNull();
    records.updateOne(
        Filters.eq("_id", claim.get("_id")),
        Updates.combine(
            Updates.unset("answer"),
            Updates.set("attempt", "rathaus-4711-deadbeef/" + java.util.UUID.randomUUID()),
            Updates.set("attemptAt", new Date())));

    long started = System.nanoTime();
    JsonNode retried = submit("ben", "killed-1", certificate("Vermieter")).expect(201).json();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(retried.path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(requestsOf("ben")).isEqualTo(before + 1);
    assertThat(took).as("taken over within the retry's wait").isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    submit("ben", "key-2", certificate("Arbeitgeber")).expect(201);
    int before = requestsOf("ben");

    TestClient.Response refused = submit("ben", "key-2", certificate("Vermieter")).expect(422);

    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.body()).doesNotContain("Vermieter");
    assertThat(requestsOf("ben")).isEqualTo(before);
  }

  @Test
  void keysBelongToTheirCaller() {
    JsonNode bens = submit("ben", "shared-key", certificate("Arbeitgeber")).expect(201).json();
    JsonNode annas = submit("anna", "shared-key", certificate("Arbeitgeber")).expect(201).json();

    assertThat(annas.path("id").asText()).isNotEqualTo(bens.path("id").asText());
    new TestClient(port)
        .get("/api/v1/requests/" + annas.path("id").asText())
        .as("anna")
        .expect(200);
  }

  @Test
  void aFailedFirstAttemptDoesNotUseTheKeyUp() {
    submit("ben", "key-3", certificate("Arbeitgeber").replace("\"copies\": 1", "\"copies\": \"x\""))
        .expect(400);

    submit("ben", "key-3", certificate("Arbeitgeber")).expect(201);
  }

  @Test
  void aKeyThatIsNoKeyIsRefused() {
    submit("ben", " ", certificate("Arbeitgeber")).expect(400);
    submit("ben", "k".repeat(256), certificate("Arbeitgeber")).expect(400);
  }

  @Test
  void concurrentRepeatsCreateOneRequest() throws Exception {
    int before = requestsOf("anna");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<TestClient.Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> submit("anna", "burst", certificate("Bank"))));
      }
      List<String> ids = new ArrayList<>();
      for (Future<TestClient.Response> answer : answers) {
        ids.add(answer.get(60, TimeUnit.SECONDS).expect(201).json().path("id").asText());
      }
      assertThat(ids).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(requestsOf("anna")).isEqualTo(before + 1);
  }
}
