package de.rathaus.api.catalogue;

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

/** The catalogue over HTTP on the running engine: administrators publish, everyone reads. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceCatalogueIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

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

  private HttpResponse<String> send(
      String method, String path, String body, String user, String language) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept-Language", language)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAdministratorPublishesAndEveryoneReadsInTheirLanguage() throws Exception {
    assertThat(send("POST", "/api/v1/services", PERMIT, "ada", "de").statusCode()).isEqualTo(201);
    assertThat(send("GET", "/api/v1/services/testparken", null, null, "de").statusCode())
        .as("a draft is not public")
        .isEqualTo(404);

    HttpResponse<String> published =
        send("POST", "/api/v1/services/testparken/publication", null, "ada", "de");
    assertThat(published.statusCode()).isEqualTo(200);

    JsonNode english =
        json.readTree(send("GET", "/api/v1/services/testparken", null, null, "en").body());
    assertThat(english.path("name").asText()).isEqualTo("Residents' parking permit");
    assertThat(english.path("version").asInt()).isEqualTo(1);
    assertThat(english.path("fee").asLong()).isEqualTo(3060);
    assertThat(english.path("attributes").get(1).path("values").get(0).path("key").asText())
        .isEqualTo("a");
    JsonNode list = json.readTree(send("GET", "/api/v1/services", null, null, "de").body());
    assertThat(list.path("items").findValuesAsText("code")).contains("testparken");

    HttpResponse<String> again =
        send("POST", "/api/v1/services/testparken/publication", null, "ada", "en");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json.readTree(again.body()).path("code").asText()).isEqualTo("NOTHING_TO_PUBLISH");

    assertThat(
            send(
                    "POST",
                    "/api/v1/services/testparken/retirement",
                    "{\"reason\": \"test\"}",
                    "ada",
                    "de")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> gone = send("GET", "/api/v1/services/testparken", null, null, "de");
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void theSampleCatalogueIsSeededOnTheFirstStart() throws Exception {
    JsonNode list = json.readTree(send("GET", "/api/v1/services", null, null, "de").body());
    assertThat(list.path("items").findValuesAsText("department"))
        .contains("buergeramt", "ordnungsamt");
    assertThat(list.path("items").findValuesAsText("kind")).contains("REPORT", "REQUEST");
    assertThat(list.path("items").size()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void onlyAdministratorsChangeTheCatalogue() throws Exception {
    assertThat(send("POST", "/api/v1/services", PERMIT, "anna", "de").statusCode()).isEqualTo(403);
    assertThat(send("POST", "/api/v1/services", PERMIT, null, "de").statusCode()).isEqualTo(401);
  }

  @Test
  void invalidAndDuplicateServicesAreProblems() throws Exception {
    String bad = PERMIT.replace("\"testparken\"", "\"Bad Code\"");
    HttpResponse<String> invalid = send("POST", "/api/v1/services", bad, "ada", "en");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    String other = PERMIT.replace("\"testparken\"", "\"doppelt\"");
    assertThat(send("POST", "/api/v1/services", other, "ada", "de").statusCode()).isEqualTo(201);
    assertThat(send("POST", "/api/v1/services", other, "ada", "de").statusCode()).isEqualTo(409);
    assertThat(send("PUT", "/api/v1/services/unbekannt", PERMIT, "ada", "de").statusCode())
        .isEqualTo(404);
  }
}
