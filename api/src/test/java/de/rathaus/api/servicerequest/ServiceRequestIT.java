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
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Citizens submit requests against the seeded sample catalogue and see only their own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceRequestIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private static final String CERTIFICATE =
      """
      {"serviceCode": "meldebescheinigung",
       "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
       "description": "Bitte per Post",
       "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
      """;

  private HttpResponse<String> send(String method, String path, String body, String user)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept-Language", "en")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCitizenSubmitsAndSeesTheRequestAtOnceButNobodyElseDoes() throws Exception {
    HttpResponse<String> created = send("POST", "/api/v1/requests", CERTIFICATE, "anna");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    String id = body.path("id").asText();
    assertThat(body.path("caseNumber").asText()).matches("HN-\\d{4}-\\d{6}");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/requests/" + id);

    JsonNode mine = json.readTree(send("GET", "/api/v1/requests", null, "anna").body());
    assertThat(mine.path("items").findValuesAsText("id")).contains(id);

    JsonNode detail = json.readTree(send("GET", "/api/v1/requests/" + id, null, "anna").body());
    assertThat(detail.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(detail.path("department").asText()).isEqualTo("buergeramt");
    assertThat(detail.path("timeline").get(0).path("type").asText()).isEqualTo("SUBMITTED");
    assertThat(detail.path("dueDate").asText()).isNotBlank();

    HttpResponse<String> other = send("GET", "/api/v1/requests/" + id, null, "ben");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("Anna");
    assertThat(json.readTree(send("GET", "/api/v1/requests", null, "ben").body()).path("items"))
        .noneMatch(item -> item.path("id").asText().equals(id));
  }

  @Test
  void caseNumbersFollowOneAnother() throws Exception {
    String first =
        json.readTree(send("POST", "/api/v1/requests", CERTIFICATE, "ben").body())
            .path("caseNumber")
            .asText();
    String second =
        json.readTree(send("POST", "/api/v1/requests", CERTIFICATE, "ben").body())
            .path("caseNumber")
            .asText();
    long a = Long.parseLong(first.substring(first.lastIndexOf('-') + 1));
    long b = Long.parseLong(second.substring(second.lastIndexOf('-') + 1));
    assertThat(b).isEqualTo(a + 1);
  }

  @Test
  void formValuesAreCheckedAgainstTheServiceWithoutRepeatingThem() throws Exception {
    String wrong =
        CERTIFICATE
            .replace("\"simple\"", "\"Geheimwert\"")
            .replace("\"copies\": 1", "\"copies\": \"viele\"");
    HttpResponse<String> response = send("POST", "/api/v1/requests", wrong, "anna");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("errors").findValuesAsText("field"))
        .contains("attributes.certificate_kind", "attributes.copies");
    assertThat(response.body()).doesNotContain("Geheimwert").doesNotContain("Anna");

    HttpResponse<String> unknown =
        send(
            "POST",
            "/api/v1/requests",
            CERTIFICATE.replace("meldebescheinigung", "gibtsnicht"),
            "anna");
    assertThat(unknown.statusCode()).isEqualTo(400);
  }

  @Test
  void aReportNeedsALocation() throws Exception {
    String report =
        "{\"serviceCode\": \"maengelmelder\", \"attributes\": {\"category\": \"pothole\"}}";
    HttpResponse<String> response = send("POST", "/api/v1/requests", report, "anna");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json.readTree(response.body()).path("code").asText()).isEqualTo("LOCATION_REQUIRED");

    String located =
        report.replace(
            "}}", "}, \"location\": {\"lat\": 49.142, \"lon\": 9.21, \"address\": \"Allee 8\"}}");
    assertThat(send("POST", "/api/v1/requests", located, "anna").statusCode()).isEqualTo(201);
  }

  @Test
  void clerksCannotSubmit() throws Exception {
    assertThat(send("POST", "/api/v1/requests", CERTIFICATE, "clara").statusCode()).isEqualTo(403);
  }
}
