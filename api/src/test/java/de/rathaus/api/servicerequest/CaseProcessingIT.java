package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.application.servicerequest.CaseProjection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end through HTTP: a citizen submits, a clerk of the right department takes the case and
 * asks for information, the citizen answers, the clerk approves with reasons; the citizen sees the
 * decision, the timeline, and the due date moved by the waiting time. Notes stay internal.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseProcessingIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired EventProcessingConfiguration processing;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port);
  }

  @Test
  void aRequestGoesFromSubmissionToDecision() throws Exception {
    JsonNode submitted =
        client
            .post("/api/v1/requests")
            .as("anna")
            .json(
                """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
             "applicant": {"name": "Anna Beispiel"}}
            """)
            .expect(201);
    String id = submitted.path("id").asText();
    Instant originalDue = Instant.parse(submitted.path("dueDate").asText());

    JsonNode queue = client.get("/api/v1/cases?status=SUBMITTED").as("clara").expect(200);
    assertThat(queue.path("items").findValuesAsText("id")).contains(id);
    client.get("/api/v1/cases/" + id).as("carl").expect(404); // another department
    assertThat(
            client.get("/api/v1/cases").as("carl").expect(200).path("items").findValuesAsText("id"))
        .doesNotContain(id);

    JsonNode assigned =
        client
            .post("/api/v1/cases/" + id + "/assignment")
            .as("clara")
            .json("{\"assignee\":\"clara\"}")
            .expect(200);
    assertThat(assigned.path("status").asText()).isEqualTo("IN_PROGRESS");
    client
        .post("/api/v1/cases/" + id + "/notes")
        .as("clara")
        .json("{\"text\":\"Nur intern: Rückruf\"}")
        .expect(200);

    String due = LocalDate.now().plusDays(14).toString();
    JsonNode asked =
        client
            .post("/api/v1/cases/" + id + "/information-requests")
            .as("clara")
            .json("{\"question\":\"Für welchen Arbeitgeber?\",\"dueDate\":\"" + due + "\"}")
            .expect(200);
    assertThat(asked.path("status").asText()).isEqualTo("WAITING_FOR_APPLICANT");
    client
        .post("/api/v1/cases/" + id + "/decision")
        .as("clara")
        .json("{\"outcome\":\"approved\",\"reasoning\":\"x\",\"legalBasis\":\"y\"}")
        .expect(409);
    JsonNode wrongOutcome =
        client
            .post("/api/v1/cases/" + id + "/decision")
            .as("clara")
            .json("{\"outcome\":\"vielleicht\",\"reasoning\":\"x\",\"legalBasis\":\"y\"}")
            .expect(400);
    assertThat(wrongOutcome.toString()).doesNotContain("de.rathaus").contains("approved");

    JsonNode waiting = client.get("/api/v1/requests/" + id).as("anna").expect(200);
    assertThat(waiting.path("status").asText()).isEqualTo("WAITING_FOR_APPLICANT");
    assertThat(waiting.path("informationRequests").get(0).path("question").asText())
        .isEqualTo("Für welchen Arbeitgeber?");
    Thread.sleep(1_200); // the office waits a moment for the answer
    client
        .post("/api/v1/requests/" + id + "/answers")
        .as("ben")
        .json("{\"text\":\"Firma Beispiel\"}")
        .expect(404);
    JsonNode answered =
        client
            .post("/api/v1/requests/" + id + "/answers")
            .as("anna")
            .json("{\"text\":\"Firma Beispiel\"}")
            .expect(200);
    assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");

    JsonNode decided =
        client
            .post("/api/v1/cases/" + id + "/decision")
            .as("clara")
            .json(
                "{\"outcome\":\"approved\",\"reasoning\":\"Alle Angaben vollständig\",\"legalBasis\":\"§ 18 BMG\"}")
            .expect(200);
    assertThat(decided.path("status").asText()).isEqualTo("DECIDED");
    assertThat(decided.path("notes").get(0).path("text").asText()).isEqualTo("Nur intern: Rückruf");

    JsonNode seen = client.get("/api/v1/requests/" + id).as("anna").expect(200);
    assertThat(seen.path("status").asText()).isEqualTo("DECIDED");
    assertThat(seen.path("decision").path("outcome").asText()).isEqualTo("APPROVED");
    assertThat(seen.path("decision").path("legalBasis").asText()).isEqualTo("§ 18 BMG");
    assertThat(seen.path("timeline").findValuesAsText("type"))
        .containsExactly(
            "SUBMITTED", "ASSIGNED", "INFORMATION_REQUESTED", "INFORMATION_ANSWERED", "DECIDED");
    assertThat(seen.toString()).doesNotContain("Nur intern");
    Instant movedDue = Instant.parse(seen.path("dueDate").asText());
    assertThat(Duration.between(originalDue, movedDue))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  /**
   * The case's read model has no processor running (as when the instance that holds the case's
   * segment died and its claim has not expired yet): the clerk's note is still shown at once by the
   * answer and the next read, and once a processor applies the history again nothing is doubled.
   */
  @Test
  void aNoteIsShownAtOnceWhileNoProcessorAppliesTheCase() throws Exception {
    String id = submitCertificate("anna");
    EventProcessor cases = processing.eventProcessor(CaseProjection.NAME).orElseThrow();
    cases.shutDown();
    try {
      JsonNode noted =
          client
              .post("/api/v1/cases/" + id + "/notes")
              .as("clara")
              .json("{\"text\":\"Rückruf vereinbart\"}")
              .expect(200);
      assertThat(noted.path("notes").findValuesAsText("text"))
          .containsExactly("Rückruf vereinbart");
      JsonNode read = client.get("/api/v1/cases/" + id).as("clara").expect(200);
      assertThat(read.path("notes").findValuesAsText("text")).containsExactly("Rückruf vereinbart");
    } finally {
      cases.start();
    }
    client
        .post("/api/v1/cases/" + id + "/notes")
        .as("clara")
        .json("{\"text\":\"Unterlagen da\"}")
        .expect(200);
    assertThat(
            client
                .get("/api/v1/cases/" + id)
                .as("clara")
                .expect(200)
                .path("notes")
                .findValuesAsText("text"))
        .containsExactly("Rückruf vereinbart", "Unterlagen da");
  }

  @Test
  void citizensCannotWorkCasesAndClerksSeeNoOtherDepartment() throws Exception {
    JsonNode submitted =
        client
            .post("/api/v1/requests")
            .as("ben")
            .json(
                "{\"serviceCode\": \"maengelmelder\", \"attributes\": {\"category\": \"graffiti\"},"
                    + " \"location\": {\"lat\": 49.14, \"lon\": 9.22}}")
            .expect(201);
    String id = submitted.path("id").asText();
    client.get("/api/v1/cases/" + id).as("anna").expect(403);
    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("clara")
        .json("{\"assignee\":\"clara\"}")
        .expect(404);
    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("carl")
        .json("{\"assignee\":\"carl\"}")
        .expect(200);
    JsonNode withdrawn =
        client
            .post("/api/v1/requests/" + id + "/withdrawal")
            .as("ben")
            .json("{\"reason\":\"erledigt\"}")
            .expect(200);
    assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
    client
        .post("/api/v1/requests/" + id + "/withdrawal")
        .as("ben")
        .json("{\"reason\":\"nochmal\"}")
        .expect(409);
  }

  @Test
  void theIdOfAnotherKindOfRecordIsNoRequestAndNoCase() throws Exception {
    // a service's code and a department's id name event streams too, of other aggregates
    client
        .post("/api/v1/requests/meldebescheinigung/withdrawal")
        .as("ben")
        .json("{\"reason\":\"erledigt\"}")
        .expect(404);
    client
        .post("/api/v1/cases/meldebescheinigung/assignment")
        .as("clara")
        .json("{\"assignee\":\"clara\"}")
        .expect(404);
    client
        .post("/api/v1/cases/department:buergeramt/notes")
        .as("clara")
        .json("{\"text\":\"Test\"}")
        .expect(404);
  }

  private String submitCertificate(String citizen) {
    return client
        .post("/api/v1/requests")
        .as(citizen)
        .json(
            """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "Bank", "delivery": "post", "copies": 1},
             "applicant": {"name": "Anna Beispiel"}}
            """)
        .expect(201)
        .path("id")
        .asText();
  }

  @Test
  void aCaseGoesOnlyToAnActiveDepartmentAndOnlyToItsClerks() {
    String id = submitCertificate("anna");
    TestClient.Response typo =
        client
            .post("/api/v1/cases/" + id + "/forwarding")
            .as("clara")
            .json("{\"department\": \"ordnugsamt\", \"reason\": \"zuständig\"}")
            .send()
            .expect(422);
    assertThat(typo.isProblem()).isTrue();
    assertThat(typo.json().path("code").asText()).isEqualTo("UNKNOWN_DEPARTMENT");
    // the case stays where it was, visible to its department
    client.get("/api/v1/cases/" + id).as("clara").expect(200);

    for (String notAClerkHere : new String[] {"carl", "mona", "niemand"}) {
      TestClient.Response refused =
          client
              .post("/api/v1/cases/" + id + "/assignment")
              .as("clara")
              .json("{\"assignee\": \"" + notAClerkHere + "\"}")
              .send()
              .expect(422);
      assertThat(refused.json().path("code").asText()).isEqualTo("NOT_A_CLERK_OF_THE_DEPARTMENT");
    }
    assertThat(client.get("/api/v1/cases/" + id).as("clara").expect(200).path("assignee").asText())
        .as("still nobody assigned")
        .isEmpty();
    // another department's clerk learns nothing about the case from the assignee check
    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("carl")
        .json("{\"assignee\": \"mona\"}")
        .expect(404);
  }

  @Test
  void aClerkStopsWaitingForAnAnswerThatDoesNotCome() {
    String id = submitCertificate("anna");
    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("clara")
        .json("{\"assignee\":\"clara\"}")
        .expect(200);
    JsonNode asked =
        client
            .post("/api/v1/cases/" + id + "/information-requests")
            .as("clara")
            .json(
                "{\"question\":\"Welcher Zweck?\",\"dueDate\":\""
                    + LocalDate.now().plusDays(7)
                    + "\"}")
            .expect(200);
    String question = asked.path("informationRequests").get(0).path("id").asText();
    String cancel = "/api/v1/cases/" + id + "/information-requests/%s/cancellation";

    client.post(cancel.formatted("unbekannt")).as("clara").json("{\"reason\":\"x\"}").expect(404);
    client.post(cancel.formatted(question)).as("carl").json("{\"reason\":\"x\"}").expect(404);
    client.post(cancel.formatted(question)).as("clara").json("{}").expect(400);
    JsonNode resumed =
        client
            .post(cancel.formatted(question))
            .as("clara")
            .json("{\"reason\":\"Unterlagen kamen per Post\"}")
            .expect(200);

    assertThat(resumed.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(resumed.path("informationRequests").get(0).path("state").asText())
        .isEqualTo("CANCELLED");
    assertThat(resumed.path("timeline").findValuesAsText("type"))
        .endsWith("INFORMATION_REQUEST_CANCELLED");
    client
        .post(cancel.formatted(question))
        .as("clara")
        .json("{\"reason\":\"nochmal\"}")
        .expect(409);
    // the applicant sees the question closed, and can no longer answer it
    JsonNode mine = client.get("/api/v1/requests/" + id).as("anna").expect(200);
    assertThat(mine.path("informationRequests").get(0).path("state").asText())
        .isEqualTo("CANCELLED");
    client
        .post("/api/v1/requests/" + id + "/answers")
        .as("anna")
        .json("{\"text\":\"zu spät\"}")
        .expect(409);
  }

  @Test
  void theQueuePagesByCursorAndRefusesWhatIsNoPage() {
    for (int i = 0; i < 3; i++) {
      submitCertificate("ben");
    }
    java.util.List<String> seen = new java.util.ArrayList<>();
    String next = "/api/v1/cases?size=2";
    int pages = 0;
    while (next != null && pages++ < 100) {
      JsonNode page = client.get(next).as("clara").expect(200);
      seen.addAll(page.path("items").findValuesAsText("caseNumber"));
      next = page.path("next").isNull() ? null : page.path("next").asText();
    }
    assertThat(seen).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
    assertThat(pages).isGreaterThanOrEqualTo(2);

    for (String bad :
        new String[] {"size=0", "size=501", "size=abc", "cursor=kein-cursor", "status=foo"}) {
      TestClient.Response refused = client.get("/api/v1/cases?" + bad).as("clara").send();
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.isProblem()).as(bad).isTrue();
    }
    JsonNode unknownStatus = client.get("/api/v1/cases?status=foo").as("clara").send().json();
    assertThat(unknownStatus.path("errors").get(0).path("field").asText()).isEqualTo("status");
    assertThat(unknownStatus.path("errors").get(0).path("message").asText())
        .contains("submitted", "in_progress", "waiting_for_applicant");
  }

  @Test
  void anAnswerDateNoPersonCouldMeanIsRefusedAsInput() {
    String id = submitCertificate("anna");
    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("clara")
        .json("{\"assignee\":\"clara\"}")
        .expect(200);
    for (String date : new String[] {"+999999999-12-31", "-999999999-01-01", "1900-01-01"}) {
      TestClient.Response refused =
          client
              .post("/api/v1/cases/" + id + "/information-requests")
              .as("clara")
              .json("{\"question\":\"Zweck?\",\"dueDate\":\"" + date + "\"}")
              .send();
      assertThat(refused.status()).as(date).isEqualTo(400);
      assertThat(refused.isProblem()).as(date).isTrue();
      assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("dueDate");
    }
    // nothing was asked: the case still waits for the clerk, not for the applicant
    assertThat(client.get("/api/v1/cases/" + id).as("clara").expect(200).path("status").asText())
        .isEqualTo("IN_PROGRESS");
  }
}
