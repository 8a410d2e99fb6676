package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Citizens submit requests against the seeded sample catalogue and see only their own. */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceRequestIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port).withHeader("Accept-Language", "en");
  }

  private static final String CERTIFICATE =
      """
      {"serviceCode": "meldebescheinigung",
       "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
       "description": "Bitte per Post",
       "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
      """;

  @Test
  void aCitizenSubmitsAndSeesTheRequestAtOnceButNobodyElseDoes() throws Exception {
    Response created = client.post("/api/v1/requests").as("anna").json(CERTIFICATE).send();
    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.path("id").asText();
    assertThat(body.path("caseNumber").asText()).matches("HN-\\d{4}-\\d{6}");
    assertThat(created.header("Location")).hasValue("/api/v1/requests/" + id);

    JsonNode mine = client.get("/api/v1/requests").as("anna").send().json();
    assertThat(mine.path("items").findValuesAsText("id")).contains(id);

    JsonNode detail = client.get("/api/v1/requests/" + id).as("anna").send().json();
    assertThat(detail.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(detail.path("department").asText()).isEqualTo("buergeramt");
    assertThat(detail.path("timeline").get(0).path("type").asText()).isEqualTo("SUBMITTED");
    assertThat(detail.path("dueDate").asText()).isNotBlank();

    Response other = client.get("/api/v1/requests/" + id).as("ben").send();
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("Anna");
    assertThat(client.get("/api/v1/requests").as("ben").send().json().path("items"))
        .noneMatch(item -> item.path("id").asText().equals(id));
  }

  @Test
  void caseNumbersFollowOneAnother() throws Exception {
    String first =
        client
            .post("/api/v1/requests")
            .as("ben")
            .json(CERTIFICATE)
            .send()
            .json()
            .path("caseNumber")
            .asText();
    String second =
        client
            .post("/api/v1/requests")
            .as("ben")
            .json(CERTIFICATE)
            .send()
            .json()
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
    Response response = client.post("/api/v1/requests").as("anna").json(wrong).send();
    assertThat(response.status()).isEqualTo(400);
    JsonNode problem = response.json();
    assertThat(problem.path("errors").findValuesAsText("field"))
        .contains("attributes.certificate_kind", "attributes.copies");
    assertThat(response.body()).doesNotContain("Geheimwert").doesNotContain("Anna");

    Response unknown =
        client
            .post("/api/v1/requests")
            .as("anna")
            .json(CERTIFICATE.replace("meldebescheinigung", "gibtsnicht"))
            .send();
    assertThat(unknown.status()).isEqualTo(400);
  }

  @Test
  void aReportNeedsALocation() throws Exception {
    String report =
        "{\"serviceCode\": \"maengelmelder\", \"attributes\": {\"category\": \"pothole\"}}";
    Response response = client.post("/api/v1/requests").as("anna").json(report).send();
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().path("code").asText()).isEqualTo("LOCATION_REQUIRED");

    String located =
        report.replace(
            "}}", "}, \"location\": {\"lat\": 49.142, \"lon\": 9.21, \"address\": \"Allee 8\"}}");
    assertThat(client.post("/api/v1/requests").as("anna").json(located).send().status())
        .isEqualTo(201);
  }

  @Test
  void aReportMayBeLocatedByItsAddressAlone() throws Exception {
    // as Open311 has it: coordinates or an address; the address is not geocoded
    String report =
        "{\"serviceCode\": \"maengelmelder\", \"attributes\": {\"category\": \"pothole\"},"
            + " \"location\": %s}";
    Response created =
        client
            .post("/api/v1/requests")
            .as("anna")
            .json(report.formatted("{\"address\": \"Allee 8, Heilbronn\"}"))
            .send();
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asText();
    JsonNode location =
        client.get("/api/v1/requests/" + id).as("anna").expect(200).path("location");
    assertThat(location.path("address").asText()).isEqualTo("Allee 8, Heilbronn");
    assertThat(location.path("lat").isNumber()).isFalse();
    assertThat(location.path("lon").isNumber()).isFalse();

    // neither coordinates nor an address, or only one coordinate: refused, nothing recorded
    for (String nowhere :
        new String[] {
          "{}",
          "{\"address\": \"  \"}",
          "{\"lat\": 49.14, \"address\": \"Allee 8\"}",
          "{\"lon\": 9.21}"
        }) {
      Response refused =
          client.post("/api/v1/requests").as("anna").json(report.formatted(nowhere)).send();
      assertThat(refused.status()).as(nowhere + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().path("errors").findValuesAsText("field").toString())
          .as(nowhere)
          .contains("location");
    }
  }

  @Test
  void clerksCannotSubmit() throws Exception {
    assertThat(client.post("/api/v1/requests").as("clara").json(CERTIFICATE).send().status())
        .isEqualTo(403);
  }
}
