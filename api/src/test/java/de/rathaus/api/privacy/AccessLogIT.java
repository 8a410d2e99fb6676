package de.rathaus.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who read my data, through HTTP: a clerk's read of a case is in the applicant's access log (by
 * role and department, without the clerk's account), not in another citizen's; the data-protection
 * officer sees it with the clerk's account; the citizen's own reads and exports are recorded; an
 * erasure deletes the citizen's entries.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessLogIT {

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

  private String submit(String citizen) {
    return client
        .post("/api/v1/requests")
        .as(citizen)
        .json(
            """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
             "applicant": {"name": "Anna Beispiel"}}
            """)
        .expect(201)
        .path("id")
        .asText();
  }

  private static List<JsonNode> items(JsonNode page) {
    List<JsonNode> items = new ArrayList<>();
    page.path("items").forEach(items::add);
    return items;
  }

  @Test
  void aClerksReadIsInTheApplicantsLogAndOnlyThere() {
    String id = submit("anna");
    JsonNode caseRead = client.get("/api/v1/cases/" + id).as("clara").expect(200);
    String caseNumber = caseRead.path("caseNumber").asText();
    client.get("/api/v1/cases/" + id).as("carl").expect(404); // another department: no read

    JsonNode mine = client.get("/api/v1/privacy/me/access-log").as("anna").expect(200);
    List<JsonNode> ofThisCase =
        items(mine).stream().filter(e -> id.equals(e.path("requestId").asText())).toList();
    assertThat(ofThisCase).hasSize(1);
    JsonNode entry = ofThisCase.get(0);
    assertThat(entry.path("kind").asText()).isEqualTo("CASE");
    assertThat(entry.path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(entry.path("readerRole").asText()).isEqualTo("CLERK");
    assertThat(entry.path("readerDepartment").asText()).isEqualTo("buergeramt");
    assertThat(entry.path("byYou").asBoolean()).isFalse();
    assertThat(entry.toString()).doesNotContain("clara").doesNotContain("Anna Beispiel");

    assertThat(client.get("/api/v1/privacy/me/access-log").as("ben").expect(200).toString())
        .doesNotContain(id);

    JsonNode all = client.get("/api/v1/privacy/access-log?requestId=" + id).as("ada").expect(200);
    assertThat(items(all)).hasSize(1);
    assertThat(items(all).get(0).path("reader").asText()).isEqualTo("clara");
    assertThat(items(all).get(0).path("subjectId").asText()).isEqualTo("anna");
    assertThat(items(client.get("/api/v1/privacy/access-log?subject=anna").as("ada").expect(200)))
        .anyMatch(e -> id.equals(e.path("requestId").asText()));
  }

  @Test
  void ownReadsAndExportsAreRecordedNewestFirstAndPaged() {
    String id = submit("anna");
    client.get("/api/v1/requests/" + id).as("anna").expect(200);
    client.get("/api/v1/privacy/me").as("anna").expect(200);

    JsonNode first = client.get("/api/v1/privacy/me/access-log?size=1").as("anna").expect(200);
    assertThat(items(first)).hasSize(1);
    assertThat(items(first).get(0).path("kind").asText()).isEqualTo("EXPORT");
    assertThat(items(first).get(0).path("byYou").asBoolean()).isTrue();
    String next = first.path("next").asText();
    JsonNode second = client.get(next).as("anna").expect(200);
    assertThat(items(second).get(0).path("kind").asText()).isEqualTo("REQUEST");
    assertThat(items(second).get(0).path("requestId").asText()).isEqualTo(id);
    assertThat(items(second).get(0).path("readerRole").asText()).isEqualTo("CITIZEN");

    client.get("/api/v1/privacy/me/access-log?size=0").as("anna").expect(400);
    client.get("/api/v1/privacy/me/access-log?cursor=nonsense").as("anna").expect(400);
  }

  @Test
  void theOfficersViewsOfACaseAreRecordedTheAuditorsMaskedOnesNot() {
    String id = submit("ben");
    client.get("/api/v1/audit/aggregates/" + id + "/history").as("udo").expect(200);
    client.get("/api/v1/audit/aggregates/" + id + "/history").as("ada").expect(200);
    String now = "?asOf=" + java.time.Instant.now();
    client.get("/api/v1/audit/aggregates/" + id + "/state" + now).as("ada").expect(200);
    client.get("/api/v1/audit/aggregates/" + id + "/state" + now).as("udo").expect(200);
    client.get("/api/v1/audit/events?aggregate=" + id).as("udo").expect(200);
    client.get("/api/v1/audit/events?aggregate=" + id).as("ada").expect(200);

    List<JsonNode> entries =
        items(client.get("/api/v1/privacy/access-log?requestId=" + id).as("ada").expect(200));
    assertThat(entries.stream().map(e -> e.path("kind").asText()))
        .containsExactlyInAnyOrder("CASE_HISTORY", "CASE_AS_OF", "AUDIT_TRAIL");
    assertThat(entries).allMatch(e -> e.path("reader").asText().equals("ada"));
  }

  @Test
  void erasureDeletesTheCitizensEntries() throws Exception {
    String id = submit("ben");
    client.get("/api/v1/cases/" + id).as("clara").expect(200);
    client.get("/api/v1/requests/" + id).as("ben").expect(200);
    client.get("/api/v1/privacy/me").as("ben").expect(200);
    assertThat(items(client.get("/api/v1/privacy/me/access-log").as("ben").expect(200)))
        .isNotEmpty();
    String annasCase = submit("anna");
    client.get("/api/v1/requests/" + annasCase).as("anna").expect(200);

    client
        .post("/api/v1/privacy/subjects/ben/erasure")
        .as("ada")
        .json("{\"reason\":\"CONSENT_WITHDRAWN\"}")
        .expect(200);

    assertThat(items(client.get("/api/v1/privacy/me/access-log").as("ben").expect(200))).isEmpty();
    assertThat(items(client.get("/api/v1/privacy/access-log?subject=ben").as("ada").expect(200)))
        .isEmpty();
    assertThat(items(client.get("/api/v1/privacy/me/access-log").as("anna").expect(200)))
        .anyMatch(e -> annasCase.equals(e.path("requestId").asText()));
  }
}
