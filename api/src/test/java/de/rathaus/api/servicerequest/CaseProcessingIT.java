package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end through HTTP: a citizen submits, a clerk of the right department takes the case and
 * asks for information, the citizen answers, the clerk approves with reasons; the citizen sees the
 * decision, the timeline, and the due date moved by the waiting time. Notes stay internal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseProcessingIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode call(String method, String path, String body, String user, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + " as " + user).isEqualTo(expected);
    return response.body().isEmpty() ? null : json.readTree(response.body());
  }

  @Test
  void aRequestGoesFromSubmissionToDecision() throws Exception {
    JsonNode submitted =
        call(
            "POST",
            "/api/v1/requests",
            """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
             "applicant": {"name": "Anna Beispiel"}}
            """,
            "anna",
            201);
    String id = submitted.path("id").asText();
    Instant originalDue = Instant.parse(submitted.path("dueDate").asText());

    JsonNode queue = call("GET", "/api/v1/cases?status=SUBMITTED", null, "clara", 200);
    assertThat(queue.path("items").findValuesAsText("id")).contains(id);
    call("GET", "/api/v1/cases/" + id, null, "carl", 404); // another department
    assertThat(call("GET", "/api/v1/cases", null, "carl", 200).path("items").findValuesAsText("id"))
        .doesNotContain(id);

    JsonNode assigned =
        call(
            "POST",
            "/api/v1/cases/" + id + "/assignment",
            "{\"assignee\":\"clara\"}",
            "clara",
            200);
    assertThat(assigned.path("status").asText()).isEqualTo("IN_PROGRESS");
    call(
        "POST",
        "/api/v1/cases/" + id + "/notes",
        "{\"text\":\"Nur intern: Rückruf\"}",
        "clara",
        200);

    String due = LocalDate.now().plusDays(14).toString();
    JsonNode asked =
        call(
            "POST",
            "/api/v1/cases/" + id + "/information-requests",
            "{\"question\":\"Für welchen Arbeitgeber?\",\"dueDate\":\"" + due + "\"}",
            "clara",
            200);
    assertThat(asked.path("status").asText()).isEqualTo("WAITING_FOR_APPLICANT");
    call(
        "POST",
        "/api/v1/cases/" + id + "/decision",
        "{\"outcome\":\"approved\",\"reasoning\":\"x\",\"legalBasis\":\"y\"}",
        "clara",
        409);
    JsonNode wrongOutcome =
        call(
            "POST",
            "/api/v1/cases/" + id + "/decision",
            "{\"outcome\":\"vielleicht\",\"reasoning\":\"x\",\"legalBasis\":\"y\"}",
            "clara",
            400);
    assertThat(wrongOutcome.toString()).doesNotContain("de.rathaus").contains("approved");

    JsonNode waiting = call("GET", "/api/v1/requests/" + id, null, "anna", 200);
    assertThat(waiting.path("status").asText()).isEqualTo("WAITING_FOR_APPLICANT");
    assertThat(waiting.path("informationRequests").get(0).path("question").asText())
        .isEqualTo("Für welchen Arbeitgeber?");
    Thread.sleep(1_200); // the office waits a moment for the answer
    call(
        "POST", "/api/v1/requests/" + id + "/answers", "{\"text\":\"Firma Beispiel\"}", "ben", 404);
    JsonNode answered =
        call(
            "POST",
            "/api/v1/requests/" + id + "/answers",
            "{\"text\":\"Firma Beispiel\"}",
            "anna",
            200);
    assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");

    JsonNode decided =
        call(
            "POST",
            "/api/v1/cases/" + id + "/decision",
            "{\"outcome\":\"approved\",\"reasoning\":\"Alle Angaben vollständig\",\"legalBasis\":\"§ 18 BMG\"}",
            "clara",
            200);
    assertThat(decided.path("status").asText()).isEqualTo("DECIDED");
    assertThat(decided.path("notes").get(0).path("text").asText()).isEqualTo("Nur intern: Rückruf");

    JsonNode seen = call("GET", "/api/v1/requests/" + id, null, "anna", 200);
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

  @Test
  void citizensCannotWorkCasesAndClerksSeeNoOtherDepartment() throws Exception {
    JsonNode submitted =
        call(
            "POST",
            "/api/v1/requests",
            "{\"serviceCode\": \"maengelmelder\", \"attributes\": {\"category\": \"graffiti\"},"
                + " \"location\": {\"lat\": 49.14, \"lon\": 9.22}}",
            "ben",
            201);
    String id = submitted.path("id").asText();
    call("GET", "/api/v1/cases/" + id, null, "anna", 403);
    call("POST", "/api/v1/cases/" + id + "/assignment", "{\"assignee\":\"clara\"}", "clara", 404);
    call("POST", "/api/v1/cases/" + id + "/assignment", "{\"assignee\":\"carl\"}", "carl", 200);
    JsonNode withdrawn =
        call(
            "POST",
            "/api/v1/requests/" + id + "/withdrawal",
            "{\"reason\":\"erledigt\"}",
            "ben",
            200);
    assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
    call("POST", "/api/v1/requests/" + id + "/withdrawal", "{\"reason\":\"nochmal\"}", "ben", 409);
  }
}
