package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.privacy.DataFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rectification (Art. 16 DSGVO) through HTTP: the applicant corrects their contact details on an
 * open request; the clerk's case and the data export show the corrected ones; refused for others,
 * bad input, an application without a name, and a request no longer open; neither the old nor the
 * new details reach the data directory in plain text.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RectificationIT {

  private static final String OLD = "Altadresse-Kanarienvogel 11";
  private static final String NEW = "Neuadresse-Kanarienvogel 22";

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

  @Test
  void theApplicantCorrectsTheirContactAndTheOfficeSeesTheCorrection() throws Exception {
    String id = submit();
    String corrected =
        "{\"name\":\"Anna Beispiel\",\"email\":\"anna.neu@example.org\",\"address\":\""
            + NEW
            + "\"}";

    // others and bad input: refused, nothing changed
    client.put("/api/v1/requests/" + id + "/applicant").as("ben").json(corrected).expect(404);
    client.put("/api/v1/requests/" + id + "/applicant").as("clara").json(corrected).expect(403);
    client
        .put("/api/v1/requests/" + id + "/applicant")
        .as("anna")
        .json("{\"name\":\"Anna\",\"email\":\"kein-at-zeichen\"}")
        .expect(400);
    JsonNode nameless =
        client
            .put("/api/v1/requests/" + id + "/applicant")
            .as("anna")
            .json("{\"email\":\"anna.neu@example.org\"}")
            .expect(422);
    assertThat(nameless.path("code").asText()).isEqualTo("APPLICANT_NAME_REQUIRED");
    assertThat(contact(id).path("address").asText()).isEqualTo(OLD);

    JsonNode mine =
        client.put("/api/v1/requests/" + id + "/applicant").as("anna").json(corrected).expect(200);
    assertThat(mine.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(mine.path("timeline").findValuesAsText("type")).endsWith("CONTACT_RECTIFIED");

    JsonNode contact = contact(id);
    assertThat(contact.path("address").asText()).isEqualTo(NEW);
    assertThat(contact.path("email").asText()).isEqualTo("anna.neu@example.org");
    assertThat(contact.path("phone").isNull() || contact.path("phone").isMissingNode()).isTrue();

    JsonNode export = client.get("/api/v1/privacy/me").as("anna").expect(200);
    assertThat(export.toString()).contains(NEW).doesNotContain(OLD);

    assertThat(DataFiles.containing(dataDir, OLD)).as("files with the old address").isEmpty();
    assertThat(DataFiles.containing(dataDir, NEW)).as("files with the new address").isEmpty();

    // no longer open: refused
    client.post("/api/v1/requests/" + id + "/withdrawal").as("anna").json("{}").expect(200);
    JsonNode closed =
        client.put("/api/v1/requests/" + id + "/applicant").as("anna").json(corrected).expect(409);
    assertThat(closed.path("code").asText()).isEqualTo("NOT_OPEN");
  }

  private JsonNode contact(String id) {
    return client.get("/api/v1/cases/" + id).as("clara").expect(200).path("contact");
  }

  private String submit() {
    return client
        .post("/api/v1/requests")
        .as("anna")
        .json(
            """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber",
                            "delivery": "post", "copies": 1},
             "applicant": {"name": "Anna Beispiel", "phone": "+49 7131 1", "address": "%s"}}
            """
                .formatted(OLD))
        .expect(201)
        .path("id")
        .asText();
  }
}
