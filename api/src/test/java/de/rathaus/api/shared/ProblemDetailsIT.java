package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Every error of the API is application/problem+json, in German or English, without internals. */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
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
      if (greeting.name().equals("library-refuses")) {
        java.util.UUID.fromString(greeting.name()); // a library's IllegalArgumentException
      }
      if (greeting.name().equals("rule-refuses")) {
        new de.rathaus.domain.shared.DepartmentCode("Not A Code"); // one of ours
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

    /** A filter that fails, as a misconfigured decoder or a broken header would. */
    @org.springframework.context.annotation.Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter>
        failingFilter() {
      jakarta.servlet.Filter failing =
          (request, response, chain) -> {
            if (((jakarta.servlet.http.HttpServletRequest) request).getHeader("X-Test-Fail")
                != null) {
              // a library's exception, whose message quotes what it was given
              java.util.UUID.fromString("secret internals of a filter");
            }
            chain.doFilter(request, response);
          };
      var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(failing);
      registration.addUrlPatterns("/api/v1/test-echo");
      return registration;
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
    problem(client.get("/api/v1/test-echo/nothing").offContract("an unknown path").send(), 404);
    problem(client.get("/api/v1/test-echo").offContract("a method it does not have").send(), 405);
    problem(client.post("/api/v1/test-echo").body("hello", "text/plain").send(), 415);
  }

  @Test
  void unexpectedErrorsAre500WithoutInternals() throws Exception {
    Response response = post("{\"name\":\"boom\"}", "en");
    problem(response, 500);
    assertThat(response.body()).doesNotContain("secret internals");
  }

  @Test
  void whatAFilterThrowsIsA500WhoseErrorIdTheLogKnows(CapturedOutput logs) throws Exception {
    Response response =
        client
            .post("/api/v1/test-echo")
            .header("X-Test-Fail", "yes")
            .header("Accept-Language", "en")
            .json("{\"name\":\"x\"}")
            .send();
    JsonNode body = problem(response, 500);
    String errorId = body.path("errorId").asText();
    assertThat(errorId).isNotBlank();
    assertThat(body.path("title").asText()).isEqualTo("Internal error");
    assertThat(response.body()).doesNotContain("secret internals");
    assertThat(logs.getOut()).contains("Unexpected error " + errorId);
    assertThat(logs.getOut() + logs.getErr()).doesNotContain("secret internals of a filter");
  }

  @Test
  void onlyTheEnginesOwnRefusalsOfAValueAre400() throws Exception {
    // a value object of the engine names the rule it broke: the caller's mistake
    Response ours = post("{\"name\":\"rule-refuses\"}", "en");
    problem(ours, 400);
    assertThat(ours.json().path("detail").asText()).contains("department code");
    // the same exception type from a library is the engine's defect, not the caller's
    Response library = post("{\"name\":\"library-refuses\"}", "en");
    problem(library, 500);
    assertThat(library.json().path("errorId").asText()).isNotBlank();
    assertThat(library.body()).doesNotContain("UUID");
  }

  @Test
  void erasureClosureAndIdempotencyKeyRefusalsAreProblems() throws Exception {
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

  @Test
  void chunkedBodiesOverTheLimitAre413Too() throws Exception {
    // no declared length: the limit is found while the body is read
    String body = "{\"name\":\"" + "x".repeat(2_000) + "\"}";
    RawAnswer answer =
        raw(
            "POST /api/v1/test-echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Accept-Language: en\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(body.length())
                + "\r\n"
                + body
                + "\r\n0\r\n\r\n");
    assertThat(answer.status()).as(answer.body()).isEqualTo(413);
    assertThat(answer.head().toLowerCase()).contains("content-type: application/problem+json");
    assertThat(new ObjectMapper().readTree(answer.body()).path("detail").asText()).contains("1 KB");
  }

  // --- what the servlet container refuses before the application sees the request

  /** One answer read off the socket: status line, headers and body as sent. */
  record RawAnswer(int status, String head, String body) {}

  /** Sends these bytes as they are (no client would send most of them) and reads the answer. */
  private RawAnswer raw(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      String text = answer.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      assertThat(end)
          .as("an HTTP answer to %s: %s", request.lines().findFirst(), text)
          .isPositive();
      String head = text.substring(0, end);
      String body = text.substring(end + 4);
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
      }
      int status = Integer.parseInt(head.substring(9, 12));
      TestClient.checkContract(port, request, status, head, body);
      return new RawAnswer(status, head, body);
    }
  }

  private static String get(String target, String... headers) {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return request.append("Connection: close\r\n\r\n").toString();
  }

  private static JsonNode containerProblem(RawAnswer answer, int status, String request)
      throws IOException {
    assertThat(answer.status()).as(request).isEqualTo(status);
    assertThat(answer.head().toLowerCase())
        .as("%s answers a problem: %s", request, answer.head())
        .contains("content-type: application/problem+json");
    JsonNode body = new ObjectMapper().readTree(answer.body());
    assertThat(body.path("status").asInt()).as(request).isEqualTo(status);
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("Tomcat");
    return body;
  }

  @Test
  void whatTheContainerRefusesIsAProblemToo() throws Exception {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("an encoded slash", get("/api/v1/requests/..%2F..%2Fx"));
    refused.put("an encoded backslash", get("/api/v1/requests/%5C"));
    refused.put("an encoded NUL", get("/api/v1/requests/a%00b"));
    refused.put("a broken escape", get("/api/v1/services/%zz"));
    refused.put("braces in the path", get("/api/v1/services/{x}"));
    refused.put("a header without a colon", get("/api/v1/services", "Broken header"));
    refused.put("an over-long header", get("/api/v1/services", "X-Long: " + "a".repeat(20_000)));
    refused.put("no Host", "GET /api/v1/services HTTP/1.1\r\nConnection: close\r\n\r\n");
    for (Map.Entry<String, String> request : refused.entrySet()) {
      JsonNode body = containerProblem(raw(request.getValue()), 400, request.getKey());
      assertThat(body.path("title").asText()).as(request.getKey()).isEqualTo("Fehlerhafte Anfrage");
    }
    RawAnswer version =
        raw("GET /api/v1/services HTTP/7.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    containerProblem(version, 505, "an unknown HTTP version");
  }

  @Test
  void whatTheContainerRefusesIsInEnglishWhenAskedFor() throws Exception {
    RawAnswer answer = raw(get("/api/v1/requests/..%2F..%2Fx", "Accept-Language: en"));
    JsonNode body = containerProblem(answer, 400, "an encoded slash");
    assertThat(body.path("title").asText()).isEqualTo("Bad request");
  }

  @Test
  void theErrorPageIsNoResource() throws Exception {
    problem(client.get("/error").send(), 404);
    problem(client.post("/error").json("{}").send(), 404);
    JsonNode paths = client.get("/v3/api-docs").send().expect(200).json().path("paths");
    assertThat(paths.has("/error")).as("/error in the OpenAPI description").isFalse();
  }
}
