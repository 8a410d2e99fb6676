package de.rathaus.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit trail and histories over the whole engine (one context for every test here): filters,
 * paging by cursor, masking of personal values for auditors, disclosure to the data-protection
 * officer (also after an erasure), 404 and 400 problems.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port);
  }

  private String submit(String user, String name) {
    String body =
        """
        {"serviceCode": "meldebescheinigung",
         "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
         "applicant": {"name": "%s", "email": "audit@example.org"}}
        """
            .formatted(name);
    return client.post("/api/v1/requests").json(body).as(user).expect(201).path("id").asText();
  }

  private JsonNode history(String id, String user) {
    return client.get("/api/v1/audit/aggregates/" + id + "/history").as(user).expect(200);
  }

  @Test
  void auditorsSeePersonalValuesMaskedInAHistory() {
    String canary = "Kanari " + UUID.randomUUID();
    String id = submit("anna", canary);

    JsonNode history = history(id, "udo");

    JsonNode first = history.path("items").get(0);
    assertThat(first.path("type").asText()).isEqualTo("ServiceRequestSubmitted");
    assertThat(first.path("sequence").asLong()).isZero();
    assertThat(first.path("position").asLong()).isPositive();
    assertThat(first.path("actor").path("role").asText()).isEqualTo("CITIZEN");
    assertThat(history.toString()).doesNotContain(canary).contains("[personal]");
  }

  @Test
  void theDataProtectionOfficerSeesPersonalValuesDecrypted() {
    String canary = "Kanari " + UUID.randomUUID();
    String id = submit("anna", canary);

    assertThat(history(id, "ada").toString()).contains(canary).doesNotContain("[personal]");
  }

  @Test
  void afterAnErasureTheDataProtectionOfficerSeesErased() {
    String canary = "Kanari " + UUID.randomUUID();
    String id = submit("ben", canary);
    client
        .post("/api/v1/privacy/subjects/ben/erasure")
        .json("{\"reason\": \"CONSENT_WITHDRAWN\"}")
        .as("ada")
        .expect(200);

    String seen = history(id, "ada").toString();

    assertThat(seen).doesNotContain(canary).contains("[erased]");
    assertThat(history(id, "udo").toString()).doesNotContain("[erased]").contains("[personal]");
  }

  @Test
  void anUnknownAggregateIsNotFound() {
    Response answer =
        client
            .get("/api/v1/audit/aggregates/nothing-" + UUID.randomUUID() + "/history")
            .as("udo")
            .send()
            .expect(404);
    assertThat(answer.isProblem()).isTrue();
  }

  @Test
  void theTrailFilteredByEventTypeIsPagedByCursorToTheEnd() {
    submit("anna", "Kanari " + UUID.randomUUID());
    submit("anna", "Kanari " + UUID.randomUUID());
    submit("anna", "Kanari " + UUID.randomUUID());
    String typeFilter = "/api/v1/audit/events?type=ServiceRequestSubmitted&size=2";
    await(() -> all(typeFilter, "udo").size() >= 3);

    List<JsonNode> items = all(typeFilter, "udo");

    Set<Long> positions = new HashSet<>();
    for (JsonNode item : items) {
      assertThat(item.path("type").asText()).isEqualTo("ServiceRequestSubmitted");
      assertThat(item.path("aggregateType").asText()).isEqualTo("ServiceRequest");
      assertThat(item.toString()).contains("[personal]");
      positions.add(item.path("position").asLong());
    }
    assertThat(positions).hasSameSizeAs(items);
  }

  @Test
  void theTrailFilteredByActorListsOnlyTheirEvents() {
    String id = submit("anna", "Kanari " + UUID.randomUUID());
    String actor = history(id, "udo").path("items").get(0).path("actor").path("id").asText();
    String byActor = "/api/v1/audit/events?size=3&actor=" + actor;
    await(
        () ->
            all(byActor, "udo").stream().anyMatch(i -> i.path("aggregateId").asText().equals(id)));

    for (JsonNode item : all(byActor, "udo")) {
      assertThat(item.path("actor").path("id").asText()).isEqualTo(actor);
    }
  }

  @Test
  void theTrailWithoutFiltersIsPagedByPositionInOrder() {
    submit("anna", "Kanari " + UUID.randomUUID());
    JsonNode page = client.get("/api/v1/audit/events?size=2").as("udo").expect(200);
    List<Long> positions = new ArrayList<>();
    page.path("items").forEach(i -> positions.add(i.path("position").asLong()));
    String next = page.path("next").asText();
    JsonNode second = client.get(next).as("udo").expect(200);
    second.path("items").forEach(i -> positions.add(i.path("position").asLong()));

    assertThat(positions).hasSize(4).isSorted().doesNotHaveDuplicates();
    JsonNode after =
        client.get("/api/v1/audit/events?size=1&after=" + positions.get(1)).as("udo").expect(200);
    assertThat(after.path("items").get(0).path("position").asLong()).isEqualTo(positions.get(2));
  }

  @Test
  void fromAndToBoundTheTrail() {
    Instant before = Instant.now();
    String id = submit("anna", "Kanari " + UUID.randomUUID());
    Instant afterwards = Instant.now();
    String url =
        "/api/v1/audit/events?aggregateType=ServiceRequest&from=" + before + "&to=" + afterwards;
    await(() -> all(url, "udo").stream().anyMatch(i -> i.path("aggregateId").asText().equals(id)));

    for (JsonNode item : all(url, "udo")) {
      Instant at = Instant.parse(item.path("timestamp").asText());
      assertThat(at).isBetween(before, afterwards);
    }
    assertThat(all("/api/v1/audit/events?from=" + afterwards.plusSeconds(3600), "udo")).isEmpty();
  }

  @Test
  void badFilterValuesAreProblemsNamingTheField() {
    for (String[] bad :
        new String[][] {
          {"from=yesterday", "from"},
          {"to=2026-13-01", "to"},
          {"after=-1", "after"},
          {"after=x", "after"},
          {"size=0", "size"},
          {"size=501", "size"},
          {"cursor=%25%25", "cursor"}
        }) {
      Response answer = client.get("/api/v1/audit/events?" + bad[0]).as("udo").send().expect(400);
      assertThat(answer.isProblem()).isTrue();
      assertThat(answer.json().path("errors").toString()).as(bad[0]).contains("\"" + bad[1] + "\"");
    }
  }

  private List<JsonNode> all(String first, String user) {
    List<JsonNode> items = new ArrayList<>();
    String url = first;
    for (int pages = 0; url != null && pages < 1_000; pages++) {
      JsonNode page = client.get(url).as(user).expect(200);
      page.path("items").forEach(items::add);
      url = page.path("next").isNull() ? null : page.path("next").asText();
    }
    return items;
  }

  private static void await(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 30 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
