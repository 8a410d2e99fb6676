package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.privacy.DataFiles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A clerk finds a case of their department by its number or by the applicant's name (written
 * otherwise: case, accents, ß, hyphens), never another department's; the name index holds no name
 * in plain text on disk; after the applicant's erasure the name finds nothing.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseSearchIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;

  /** A unique first name, so that finding it on disk can only be this test's. */
  private static final String CANARY = "Zqxkanarië";

  private static final String NAME = CANARY + " Groß-Müller";

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode page) {
    return page.path("items").findValuesAsText("id");
  }

  @Test
  void clerksFindTheirDepartmentsCasesByNumberAndByNameUntilTheApplicantIsErased()
      throws Exception {
    TestClient client = new TestClient(port);
    JsonNode certificate =
        client
            .post("/api/v1/requests")
            .as("anna")
            .json(
                """
                {"serviceCode": "meldebescheinigung",
                 "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
                 "applicant": {"name": "%s"}}
                """
                    .formatted(NAME))
            .expect(201);
    String id = certificate.path("id").asText();
    String report =
        client
            .post("/api/v1/requests")
            .as("anna")
            .json(
                """
                {"serviceCode": "maengelmelder", "attributes": {"category": "graffiti"},
                 "location": {"lat": 49.14, "lon": 9.22}, "applicant": {"name": "%s"}}
                """
                    .formatted(NAME))
            .expect(201)
            .path("id")
            .asText();
    String other =
        client
            .post("/api/v1/requests")
            .as("ben")
            .json(
                """
                {"serviceCode": "meldebescheinigung",
                 "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
                 "applicant": {"name": "Ben Groß"}}
                """)
            .expect(201)
            .path("id")
            .asText();

    String byName = "/api/v1/cases?applicantName=";
    assertThat(ids(client.get(byName + q("zqxkanarie GROSS")).as("clara").expect(200)))
        .containsExactly(id);
    assertThat(ids(client.get(byName + q("müller")).as("clara").expect(200))).containsExactly(id);
    assertThat(ids(client.get(byName + q("gross-MULLER")).as("clara").expect(200)))
        .containsExactly(id);
    assertThat(ids(client.get(byName + q("groß")).as("clara").expect(200)))
        .containsExactlyInAnyOrder(id, other);
    assertThat(ids(client.get(byName + q("Zqxkanar")).as("clara").expect(200))).isEmpty();
    // another department's clerk finds only their own department's case of the same name
    assertThat(ids(client.get(byName + q("zqxkanarie")).as("carl").expect(200)))
        .containsExactly(report);
    client.get(byName + q(" - ")).as("clara").expect(400);
    client.get(byName + "x".repeat(201)).as("clara").expect(400);

    String caseNumber = certificate.path("caseNumber").asText();
    assertThat(ids(client.get("/api/v1/cases?caseNumber=" + caseNumber).as("clara").expect(200)))
        .containsExactly(id);
    assertThat(ids(client.get("/api/v1/cases?caseNumber=" + caseNumber).as("carl").expect(200)))
        .isEmpty();

    // the name search is in the applicant's access log
    assertThat(client.get("/api/v1/privacy/me/access-log").as("anna").expect(200).toString())
        .contains("SEARCH_RESULT");

    Thread.sleep(1_500); // the embedded store writes its file about once a second
    assertThat(DataFiles.containing(dataDir, CANARY)).isEmpty();
    assertThat(DataFiles.containing(dataDir, "zqxkanarie")).isEmpty();
    assertThat(DataFiles.containing(dataDir, "Groß-Müller")).isEmpty();

    client
        .post("/api/v1/privacy/subjects/anna/erasure")
        .as("ada")
        .json("{\"reason\":\"CONSENT_WITHDRAWN\"}")
        .expect(200);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!ids(client.get(byName + q("zqxkanarie")).as("clara").expect(200)).isEmpty()) {
      assertThat(System.nanoTime()).as("the name still finds the case").isLessThan(deadline);
      Thread.sleep(50);
    }
    assertThat(ids(client.get(byName + q("müller")).as("clara").expect(200))).isEmpty();
    assertThat(ids(client.get(byName + q("zqxkanarie")).as("carl").expect(200))).isEmpty();
    assertThat(ids(client.get(byName + q("ben")).as("clara").expect(200))).containsExactly(other);
    // the case itself is still found by its number
    assertThat(ids(client.get("/api/v1/cases?caseNumber=" + caseNumber).as("clara").expect(200)))
        .containsExactly(id);
  }

  /** A rectified name is what the search finds; the name before it finds the case no more. */
  @Test
  void theSearchFollowsARectifiedName() throws Exception {
    TestClient client = new TestClient(port);
    String id =
        client
            .post("/api/v1/requests")
            .as("ben")
            .json(
                """
                {"serviceCode": "meldebescheinigung",
                 "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
                 "applicant": {"name": "Quorvina Altname"}}
                """)
            .expect(201)
            .path("id")
            .asText();
    String byName = "/api/v1/cases?applicantName=";
    assertThat(ids(client.get(byName + q("altname")).as("clara").expect(200))).containsExactly(id);

    client
        .put("/api/v1/requests/" + id + "/applicant")
        .as("ben")
        .json("{\"name\": \"Quorvina Neuname\"}")
        .expect(200);

    assertThat(ids(client.get(byName + q("neuname")).as("clara").expect(200))).containsExactly(id);
    assertThat(ids(client.get(byName + q("quorvina")).as("clara").expect(200))).containsExactly(id);
    assertThat(ids(client.get(byName + q("altname")).as("clara").expect(200))).isEmpty();
  }
}
