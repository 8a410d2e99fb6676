package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Every error of the API is application/problem+json, in German or English, without internals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ProblemDetailsIT.EchoController.class, ProblemDetailsIT.OpenEcho.class})
class ProblemDetailsIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    registry.add("rathaus.api.max-body-size", () -> "1KB");
  }

  @LocalServerPort int port;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port);
  }

  record Greeting(@NotBlank String name) {}

  /** A resource that exists only in this test, to provoke errors of a controller. */
  @RestController
  static class EchoController {
    @PostMapping("/api/v1/test-echo")
    Greeting echo(@Valid @RequestBody Greeting greeting) {
      if (greeting.name().equals("boom")) {
        throw new IllegalStateException("secret internals " + greeting.name());
      }
      return greeting;
    }
  }

  /** The test resource is open to anyone, so that its errors are reached. */
  @org.springframework.boot.test.context.TestConfiguration
  static class OpenEcho {
    @org.springframework.context.annotation.Bean
    @org.springframework.core.annotation.Order(0)
    org.springframework.security.web.SecurityFilterChain openEcho(
        org.springframework.security.config.annotation.web.builders.HttpSecurity http)
        throws Exception {
      return http.securityMatcher("/api/v1/test-echo/**")
          .csrf(c -> c.disable())
          .authorizeHttpRequests(a -> a.anyRequest().permitAll())
          .build();
    }
  }

  private Response post(String body, String language) {
    return client.post("/api/v1/test-echo").header("Accept-Language", language).json(body).send();
  }

  private JsonNode problem(Response response, int status) throws Exception {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode body = response.json();
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("title").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("trace");
    return body;
  }

  @Test
  void validationErrorsListTheFieldsInTheCallersLanguage() throws Exception {
    JsonNode german = problem(post("{\"name\":\" \"}", "de"), 400);
    assertThat(german.path("title").asText()).isEqualTo("Ungültige Anfrage");
    assertThat(german.path("errors").get(0).path("field").asText()).isEqualTo("name");
    assertThat(german.path("errors").get(0).path("message").asText())
        .isEqualTo("darf nicht leer sein");

    JsonNode english = problem(post("{\"name\":\"\"}", "en"), 400);
    assertThat(english.path("title").asText()).isEqualTo("Invalid request");
  }

  @Test
  void malformedJsonIsA400ThatDoesNotQuoteTheBody() throws Exception {
    Response response = post("{\"name\": \"Erika Mustermann", "en");
    problem(response, 400);
    assertThat(response.body()).doesNotContain("Mustermann");
  }

  @Test
  void bodiesOverTheLimitAre413() throws Exception {
    JsonNode body = problem(post("{\"name\":\"" + "x".repeat(2_000) + "\"}", "de"), 413);
    assertThat(body.path("detail").asText()).contains("1 KB");
  }

  @Test
  void unknownPathsWrongMethodsAndMediaTypesAreProblems() throws Exception {
    problem(client.get("/api/v1/test-echo/nothing").send(), 404);
    problem(client.get("/api/v1/test-echo").send(), 405);
    problem(client.post("/api/v1/test-echo").body("hello", "text/plain").send(), 415);
  }

  @Test
  void unexpectedErrorsAre500WithoutInternals() throws Exception {
    Response response = post("{\"name\":\"boom\"}", "en");
    problem(response, 500);
    assertThat(response.body()).doesNotContain("secret internals");
  }

  @Test
  void theErrorsOfThisSessionsEndpointsAreProblems() throws Exception {
    // erasure: a reason is required, and a subject id must not be blank
    JsonNode noReason =
        problem(
            client
                .post("/api/v1/privacy/subjects/anna/erasure")
                .as("ada")
                .json("{\"reason\":\" \"}")
                .send(),
            400);
    assertThat(noReason.path("errors").get(0).path("field").asText()).isEqualTo("reason");
    problem(
        client
            .post("/api/v1/privacy/subjects/%20/erasure")
            .as("ada")
            .json("{\"reason\":\"Art. 17\"}")
            .send(),
        400);
    JsonNode longId =
        problem(
            client
                .post("/api/v1/privacy/subjects/" + "x".repeat(201) + "/erasure")
                .as("ada")
                .json("{\"reason\":\"Art. 17\"}")
                .send(),
            400);
    assertThat(longId.path("errors").get(0).path("field").asText()).isEqualTo("id");
    // closing a case that does not exist
    problem(client.post("/api/v1/cases/no-such-case/closure").as("clara").send(), 404);
    // an Idempotency-Key that is no key
    JsonNode badKey =
        problem(
            client
                .post("/api/v1/requests")
                .as("anna")
                .header("Idempotency-Key", "k".repeat(256))
                .json("{\"serviceCode\":\"meldebescheinigung\"}")
                .send(),
            400);
    assertThat(badKey.path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
  }

  @Test
  void bodiesOverTheLimitAreRefusedInGermanByDefault() throws Exception {
    // refused by the declared length, before anything else has looked at the request
    Response response =
        client.post("/api/v1/test-echo").json("{\"name\":\"" + "x".repeat(2_000) + "\"}").send();
    JsonNode body = problem(response, 413);
    assertThat(body.path("title").asText()).isEqualTo("Anfrageinhalt zu groß");
  }
}
