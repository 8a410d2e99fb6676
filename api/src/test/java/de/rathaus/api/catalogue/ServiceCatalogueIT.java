package de.rathaus.api.catalogue;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The catalogue over HTTP on the running engine: administrators publish, everyone reads. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceCatalogueIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  private TestClient inGerman;
  private TestClient inEnglish;

  @BeforeEach
  void clients() {
    inGerman = new TestClient(port).withHeader("Accept-Language", "de");
    inEnglish = new TestClient(port).withHeader("Accept-Language", "en");
  }

  private static final String PERMIT =
      """
      {"code": "testparken", "name": {"de": "Bewohnerparkausweis", "en": "Residents' parking permit"},
       "description": {"de": "Parken im Wohngebiet", "en": "Parking where you live"},
       "department": "ordnungsamt", "group": "Verkehr", "keywords": ["parken"], "kind": "request",
       "fee": 3060, "processingDays": 10,
       "attributes": [{"code": "kennzeichen", "datatype": "string", "required": true, "order": 1,
                       "description": {"de": "Kennzeichen", "en": "Licence plate"}},
                      {"code": "zone", "datatype": "singlevaluelist", "required": true, "order": 2,
                       "description": {"de": "Parkzone", "en": "Parking zone"},
                       "values": [{"key": "a", "name": {"de": "Zone A", "en": "Zone A"}}]}]}
      """;

  @Test
  void anAdministratorPublishesAndEveryoneReadsInTheirLanguage() throws Exception {
    assertThat(inGerman.post("/api/v1/services").as("ada").json(PERMIT).send().status())
        .isEqualTo(201);
    assertThat(inGerman.get("/api/v1/services/testparken").send().status())
        .as("a draft is not public")
        .isEqualTo(404);

    Response published = inGerman.post("/api/v1/services/testparken/publication").as("ada").send();
    assertThat(published.status()).isEqualTo(200);

    JsonNode english = inEnglish.get("/api/v1/services/testparken").send().json();
    assertThat(english.path("name").asText()).isEqualTo("Residents' parking permit");
    assertThat(english.path("version").asInt()).isEqualTo(1);
    assertThat(english.path("fee").asLong()).isEqualTo(3060);
    assertThat(english.path("attributes").get(1).path("values").get(0).path("key").asText())
        .isEqualTo("a");
    JsonNode list = inGerman.get("/api/v1/services").send().json();
    assertThat(list.path("items").findValuesAsText("code")).contains("testparken");

    Response again = inEnglish.post("/api/v1/services/testparken/publication").as("ada").send();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("code").asText()).isEqualTo("NOTHING_TO_PUBLISH");

    assertThat(
            inGerman
                .post("/api/v1/services/testparken/retirement")
                .as("ada")
                .json("{\"reason\": \"test\"}")
                .send()
                .status())
        .isEqualTo(200);
    Response gone = inGerman.get("/api/v1/services/testparken").send();
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.header("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void theSampleCatalogueIsSeededOnTheFirstStart() throws Exception {
    JsonNode list = inGerman.get("/api/v1/services").send().json();
    assertThat(list.path("items").findValuesAsText("department"))
        .contains("buergeramt", "ordnungsamt");
    assertThat(list.path("items").findValuesAsText("kind")).contains("REPORT", "REQUEST");
    assertThat(list.path("items").size()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void onlyAdministratorsChangeTheCatalogue() throws Exception {
    assertThat(inGerman.post("/api/v1/services").as("anna").json(PERMIT).send().status())
        .isEqualTo(403);
    assertThat(inGerman.post("/api/v1/services").json(PERMIT).send().status()).isEqualTo(401);
  }

  @Test
  void invalidAndDuplicateServicesAreProblems() throws Exception {
    String bad = PERMIT.replace("\"testparken\"", "\"Bad Code\"");
    Response invalid = inEnglish.post("/api/v1/services").as("ada").json(bad).send();
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.header("Content-Type")).hasValue("application/problem+json");

    String other = PERMIT.replace("\"testparken\"", "\"doppelt\"");
    assertThat(inGerman.post("/api/v1/services").as("ada").json(other).send().status())
        .isEqualTo(201);
    assertThat(inGerman.post("/api/v1/services").as("ada").json(other).send().status())
        .isEqualTo(409);
    assertThat(inGerman.put("/api/v1/services/unbekannt").as("ada").json(PERMIT).send().status())
        .isEqualTo(404);
  }
}
