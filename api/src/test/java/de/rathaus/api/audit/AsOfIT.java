package de.rathaus.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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
 * A case as it stood at every moment of its life, through HTTP: after each step of a long case the
 * clerks' live view is noted, and the view as of that moment (by time and by position) is the same,
 * built in memory from the history by the clerks' projection.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AsOfIT {

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

  /** A moment noted after a step, and the clerks' live view of the case then. */
  private record Noted(Instant at, JsonNode live) {}

  private Noted note(String id, String clerk) {
    JsonNode live = client.get("/api/v1/cases/" + id).as(clerk).expect(200);
    return new Noted(Instant.now(), live);
  }

  private JsonNode asOf(String id, Instant at, String caller) {
    return client
        .get("/api/v1/audit/aggregates/" + id + "/state?asOf=" + at)
        .as(caller)
        .expect(200);
  }

  private String submit(String name) {
    return client
        .post("/api/v1/requests")
        .as("anna")
        .json(
            """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
             "description": "Bitte schnell",
             "applicant": {"name": "%s", "email": "anna@example.org"}}
            """
                .formatted(name))
        .expect(201)
        .path("id")
        .asText();
  }

  @Test
  void atEveryStepOfALongCaseTheViewAsOfThenIsTheLiveViewOfThen() {
    String id = submit("Anna Beispiel");
    String other = submit("Anna Zweitfall");
    String due = LocalDate.now().plusDays(14).toString();
    List<Noted> noted = new ArrayList<>();
    noted.add(note(id, "clara"));
    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("clara")
        .json("{\"assignee\":\"clara\"}")
        .expect(200);
    noted.add(note(id, "clara"));
    client
        .post("/api/v1/cases/" + other + "/assignment")
        .as("clara")
        .json("{\"assignee\":\"clara\"}")
        .expect(200);
    client
        .post("/api/v1/cases/" + id + "/notes")
        .as("clara")
        .json("{\"text\":\"Rückruf vereinbart\"}")
        .expect(200);
    noted.add(note(id, "clara"));
    JsonNode asked =
        client
            .post("/api/v1/cases/" + id + "/information-requests")
            .as("clara")
            .json("{\"question\":\"Für welchen Arbeitgeber?\",\"dueDate\":\"" + due + "\"}")
            .expect(200);
    noted.add(note(id, "clara"));
    String question = asked.path("informationRequests").get(0).path("id").asText();
    client
        .post("/api/v1/cases/" + id + "/information-requests/" + question + "/cancellation")
        .as("clara")
        .json("{\"reason\":\"Telefonisch geklärt\"}")
        .expect(200);
    noted.add(note(id, "clara"));
    client
        .post("/api/v1/cases/" + id + "/information-requests")
        .as("clara")
        .json("{\"question\":\"Welche Anschrift?\",\"dueDate\":\"" + due + "\"}")
        .expect(200);
    noted.add(note(id, "clara"));
    client
        .post("/api/v1/requests/" + id + "/answers")
        .as("anna")
        .json("{\"text\":\"Kaiserstraße 1\"}")
        .expect(200);
    noted.add(note(id, "clara"));
    client
        .post("/api/v1/cases/" + id + "/forwarding")
        .as("clara")
        .json("{\"department\":\"ordnungsamt\",\"reason\":\"Zuständigkeit\"}")
        .expect(200);
    noted.add(note(id, "carl"));
    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("carl")
        .json("{\"assignee\":\"carl\"}")
        .expect(200);
    noted.add(note(id, "carl"));
    client
        .post("/api/v1/cases/" + id + "/decision")
        .as("carl")
        .json(
            "{\"outcome\":\"approved\",\"reasoning\":\"Alles vorhanden\",\"legalBasis\":\"§ 18 BMG\"}")
        .expect(200);
    noted.add(note(id, "carl"));
    client.post("/api/v1/cases/" + id + "/closure").as("carl").expect(200);
    noted.add(note(id, "carl"));

    long previousPosition = -1;
    for (int step = 0; step < noted.size(); step++) {
      Noted n = noted.get(step);
      JsonNode byTime = asOf(id, n.at(), "ada");
      assertThat(byTime.path("state")).as("step %d by time", step).isEqualTo(n.live());
      assertThat(byTime.path("sequence").asLong()).isEqualTo(step);
      long position = byTime.path("position").asLong();
      assertThat(position).isGreaterThan(previousPosition);
      JsonNode byPosition =
          client
              .get("/api/v1/audit/aggregates/" + id + "/state?atPosition=" + position)
              .as("ada")
              .expect(200);
      assertThat(byPosition.path("state")).as("step %d by position", step).isEqualTo(n.live());
      if (step > 0) {
        JsonNode justBefore =
            client
                .get("/api/v1/audit/aggregates/" + id + "/state?atPosition=" + (position - 1))
                .as("ada")
                .expect(200);
        assertThat(justBefore.path("state")).isEqualTo(noted.get(step - 1).live());
      }
      previousPosition = position;
    }
  }

  @Test
  void anAuditorSeesTheCaseWithItsPersonalValuesHidden() {
    String id = submit("Anna Geheim");
    client
        .post("/api/v1/cases/" + id + "/notes")
        .as("clara")
        .json("{\"text\":\"Ruft abends an\"}")
        .expect(200);
    Instant now = Instant.now();

    JsonNode auditor = asOf(id, now, "udo");
    JsonNode officer = asOf(id, now, "ada");

    assertThat(auditor.toString())
        .doesNotContain("Anna Geheim", "anna@example.org", "Ruft abends an", "Bitte schnell");
    assertThat(auditor.path("state").path("contact").path("name").asText()).isEqualTo("[personal]");
    assertThat(auditor.path("state").path("notes").get(0).path("text").asText())
        .isEqualTo("[personal]");
    assertThat(auditor.path("state").path("attributes").path("purpose").asText())
        .isEqualTo("[personal]");
    assertThat(auditor.path("state").path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(officer.path("state").path("contact").path("name").asText())
        .isEqualTo("Anna Geheim");
    assertThat(officer.path("state").path("notes").get(0).path("text").asText())
        .isEqualTo("Ruft abends an");
  }

  @Test
  void beforeItsFirstEventAndForAnUnknownIdThereIsNoViewButA404() {
    Instant before = Instant.now();
    String id = submit("Anna Früh");

    JsonNode early =
        client
            .get("/api/v1/audit/aggregates/" + id + "/state?asOf=" + before.minusSeconds(1))
            .as("udo")
            .expect(404);
    client.get("/api/v1/audit/aggregates/unknown-case/state?atPosition=5").as("udo").expect(404);

    assertThat(early.path("status").asInt()).isEqualTo(404);
  }

  @Test
  void aMomentMustBeGivenOnceAndWellFormed() {
    String id = submit("Anna Form");

    client.get("/api/v1/audit/aggregates/" + id + "/state").as("udo").expect(400);
    client
        .get("/api/v1/audit/aggregates/" + id + "/state?asOf=" + Instant.now() + "&atPosition=3")
        .as("udo")
        .expect(400);
    client.get("/api/v1/audit/aggregates/" + id + "/state?asOf=gestern").as("udo").expect(400);
    client.get("/api/v1/audit/aggregates/" + id + "/state?atPosition=-1").as("udo").expect(400);
    client.get("/api/v1/audit/aggregates/" + id + "/state?atPosition=abc").as("udo").expect(400);
    client
        .get("/api/v1/audit/aggregates/" + id + "/state?asOf=+999999999-12-31T00:00:00Z")
        .as("udo")
        .expect(400);
  }

  @Test
  void aProposalAsOfAMomentCountsTheSupportsGivenUpToThenAndShowsItsTextOfThen() {
    Instant opens = Instant.now().plusSeconds(3_600);
    String consultation =
        client
            .post("/api/v1/consultations")
            .as("ada")
            .json(
                """
                {"title": {"de": "Plätze", "en": "Squares"}, "description": {"de": "Was fehlt?"},
                 "actionField": "mobilitaet", "format": "IDEAS", "opensAt": "%s", "closesAt": "%s"}
                """
                    .formatted(opens, opens.plusSeconds(86_400 * 30)))
            .expect(201)
            .path("id")
            .asText();
    client
        .post("/api/v1/consultations/" + consultation + "/phase")
        .as("ada")
        .json("{\"phase\": \"OPEN\"}")
        .expect(200);
    String proposal =
        client
            .post("/api/v1/consultations/" + consultation + "/proposals")
            .as("anna")
            .json("{\"title\": \"Bänke\", \"text\": \"Mehr Bänke\", \"displayName\": \"Anna B.\"}")
            .expect(201)
            .path("id")
            .asText();
    Instant proposed = Instant.now();
    client.put("/api/v1/proposals/" + proposal + "/support").as("anna").expect(200);
    Instant oneSupport = Instant.now();
    client.put("/api/v1/proposals/" + proposal + "/support").as("ben").expect(200);
    client
        .put("/api/v1/proposals/" + proposal)
        .as("anna")
        .json(
            "{\"title\": \"Bänke am Markt\", \"text\": \"Mehr Bänke\", \"displayName\": \"Anna B.\"}")
        .expect(200);
    Instant edited = Instant.now();
    client.delete("/api/v1/proposals/" + proposal + "/support").as("anna").expect(200);
    JsonNode live = client.get("/api/v1/proposals/" + proposal).expect(200);

    JsonNode atProposal = asOf(proposal, proposed, "ada").path("state");
    JsonNode atOne = asOf(proposal, oneSupport, "ada").path("state");
    JsonNode atEdit = asOf(proposal, edited, "ada").path("state");
    JsonNode now = asOf(proposal, Instant.now(), "ada").path("state");
    JsonNode byAuditor = asOf(proposal, edited, "udo").path("state");

    assertThat(atProposal.path("supports").asLong()).isZero();
    assertThat(atProposal.path("title").asText()).isEqualTo("Bänke");
    assertThat(atOne.path("supports").asLong()).isEqualTo(1);
    assertThat(atEdit.path("supports").asLong()).isEqualTo(2);
    assertThat(atEdit.path("title").asText()).isEqualTo("Bänke am Markt");
    assertThat(now.path("supports").asLong()).isEqualTo(1);
    assertThat(now).isEqualTo(live);
    assertThat(byAuditor.path("title").asText()).isEqualTo("[personal]");
    assertThat(byAuditor.path("supports").asLong()).isEqualTo(2);
  }
}
