package de.rathaus.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import de.rathaus.application.privacy.MissingKeys;
import de.rathaus.application.servicerequest.CaseProjection;
import de.rathaus.application.servicerequest.RequestProjection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Personal data at rest and its erasure, with canary values (unique strings) fed through every
 * citizen and clerk endpoint that takes personal data:
 *
 * <ul>
 *   <li>no canary appears in plain text in any file of the data directory (events, snapshots, read
 *       models, tokens, idempotency records, journal), nor in the logs or in problem answers —
 *       while a control value stored in plain text by design is found, so the search can find
 *       things;
 *   <li>the owner and the clerk read the values back decrypted;
 *   <li>after erasure every personal part reads {@code [erased]} (requests, cases, the citizen's
 *       export, also after a full rebuild of the read models), facts that are not personal stay,
 *       another citizen's data stays, and the erased key is nowhere in the data directory.
 * </ul>
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataAtRestIT {

  private static final String ERASED = "[erased]";

  @TempDir Path dataDir;
  private int port;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private final String name = "Kanari Name " + run;
  private final String email = "kanari." + run + "@example.org";
  private final String phone = "+49 7131 " + run;
  private final String home = "Kanaristrasse " + run;
  private final String description = "Kanari Beschreibung " + run;
  private final String purpose = "Kanari Zweck " + run;
  private final String reportAddress = "Kanari Ecke " + run;
  private final String note = "Kanari Notiz " + run;
  private final String question = "Kanari Frage " + run;
  private final String answer = "Kanari Antwort " + run;
  private final String reasoning = "Kanari Begruendung " + run;
  private final String withdrawal = "Kanari Ruecknahme " + run;
  private final String wrongValue = "Kanari Falsch " + run;
  private final String legalBasis = "Kanari Rechtsgrundlage " + run;
  private final String unforeseen = "Kanari Unerwartet " + run;
  // the id of the clerk's question: made by the engine, not personal, stored in plain
  private String control;

  private List<String> canaries() {
    return List.of(
        name,
        email,
        phone,
        home,
        description,
        purpose,
        legalBasis,
        reportAddress,
        note,
        question,
        answer,
        reasoning,
        withdrawal,
        wrongValue,
        unforeseen);
  }

  /** The header that makes a request fail unforeseen, with an exception quoting its value. */
  static final String FAIL_WITH = "X-Test-Fail-With";

  /**
   * Makes a request carrying {@link #FAIL_WITH} fail as a library does on a value it cannot use:
   * with an exception whose message quotes it. Registered as a source of the test's engine only (no
   * annotation, so no component scan finds it).
   */
  static class UnforeseenFailure {
    @Bean
    WebMvcConfigurer failOnRequest() {
      return new WebMvcConfigurer() {
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
          registry.addInterceptor(
              new HandlerInterceptor() {
                @Override
                public boolean preHandle(
                    HttpServletRequest request, HttpServletResponse response, Object handler) {
                  String value = request.getHeader(FAIL_WITH);
                  if (value != null) {
                    Integer.parseInt(value); // NumberFormatException: For input string: "<value>"
                  }
                  return true;
                }
              });
        }
      };
    }
  }

  private ConfigurableApplicationContext start() {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(RathausApplication.class, UnforeseenFailure.class)
            .run(
                "--rathaus.data-dir=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--logging.level.de.rathaus=DEBUG");
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return context;
  }

  private TestClient.Call call(String method, String path, String user) {
    return new TestClient(port).call(method, path).as(user);
  }

  @Test
  void personalDataIsEncryptedAtRestAndGoneAfterErasure(CapturedOutput logs) throws Exception {
    String certificate;
    String report;
    String bensRequest;
    try (ConfigurableApplicationContext first = start()) {
      certificate =
          call("POST", "/api/v1/requests", "anna")
              .header("Idempotency-Key", "kanari-" + run)
              .json(
                  json(
                      Map.of(
                          "serviceCode",
                          "meldebescheinigung",
                          "attributes",
                          Map.of(
                              "certificate_kind",
                              "simple",
                              "purpose",
                              purpose,
                              "delivery",
                              "post",
                              "copies",
                              1),
                          "description",
                          description,
                          "applicant",
                          Map.of("name", name, "email", email, "phone", phone, "address", home))))
              .expect(201)
              .path("id")
              .asText();
      report =
          call("POST", "/api/v1/requests", "anna")
              .json(
                  json(
                      Map.of(
                          "serviceCode",
                          "maengelmelder",
                          "attributes",
                          Map.of("category", "pothole"),
                          "description",
                          description,
                          "location",
                          Map.of("lat", 49.142, "lon", 9.219, "address", reportAddress))))
              .expect(201)
              .path("id")
              .asText();
      // bad input carrying a canary: refused without repeating it
      TestClient.Response refused =
          call("POST", "/api/v1/requests", "anna")
              .json(
                  json(
                      Map.of(
                          "serviceCode",
                          "meldebescheinigung",
                          "attributes",
                          Map.of("certificate_kind", wrongValue),
                          "applicant",
                          Map.of("name", wrongValue))))
              .send()
              .expect(400);
      assertThat(refused.body()).doesNotContain(wrongValue);
      // an unforeseen failure whose exception quotes what was sent: a 500 logged at ERROR with
      // its error id and stack trace, neither the answer nor the log quoting the value
      TestClient.Response failed =
          call("GET", "/api/v1/requests", "anna").header(FAIL_WITH, unforeseen).send();
      assertThat(failed.status()).isEqualTo(500);
      String errorId = failed.json().path("errorId").asText();
      assertThat(errorId).isNotBlank();
      assertThat(failed.body()).doesNotContain(unforeseen);
      assertThat(logs.getAll())
          .containsPattern("ERROR .*Unexpected error " + errorId)
          .contains("java.lang.NumberFormatException");

      String casePath = "/api/v1/cases/" + certificate;
      call("POST", casePath + "/assignment", "clara").json("{\"assignee\":\"clara\"}").expect(200);
      call("POST", casePath + "/notes", "clara").json(json(Map.of("text", note))).expect(200);
      control =
          call("POST", casePath + "/information-requests", "clara")
              .json(json(Map.of("question", question, "dueDate", "2099-01-01")))
              .expect(200)
              .path("informationRequests")
              .get(0)
              .path("id")
              .asText();
      call("POST", "/api/v1/requests/" + certificate + "/answers", "anna")
          .json(json(Map.of("text", answer)))
          .expect(200);
      call("POST", casePath + "/decision", "clara")
          .json(
              json(Map.of("outcome", "APPROVED", "reasoning", reasoning, "legalBasis", legalBasis)))
          .expect(200);

      bensRequest =
          call("POST", "/api/v1/requests", "ben")
              .json(
                  json(
                      Map.of(
                          "serviceCode",
                          "meldebescheinigung",
                          "attributes",
                          Map.of(
                              "certificate_kind",
                              "simple",
                              "purpose",
                              "Bank",
                              "delivery",
                              "post",
                              "copies",
                              1),
                          "applicant",
                          Map.of("name", "Ben Beispiel"))))
              .expect(201)
              .path("id")
              .asText();
      call("POST", "/api/v1/requests/" + bensRequest + "/withdrawal", "ben")
          .json(json(Map.of("reason", withdrawal)))
          .expect(200);

      // the owner and the clerk read their values back
      JsonNode mine = call("GET", "/api/v1/requests/" + certificate, "anna").expect(200);
      assertThat(mine.path("description").asText()).isEqualTo(description);
      assertThat(mine.path("attributes").path("purpose").asText()).isEqualTo(purpose);
      assertThat(mine.path("informationRequests").get(0).path("answer").asText()).isEqualTo(answer);
      assertThat(mine.path("decision").path("reasoning").asText()).isEqualTo(reasoning);
      String export = call("GET", "/api/v1/privacy/me", "anna").expect(200).toString();
      assertThat(export).contains(name, email, phone, home, description, purpose, answer);
      assertThat(export).as("internal notes stay internal").doesNotContain(note);
      JsonNode held = call("GET", casePath, "clara").expect(200);
      assertThat(held.path("contact").path("name").asText()).isEqualTo(name);
      assertThat(held.path("contact").path("email").asText()).isEqualTo(email);
      assertThat(held.path("decision").path("legalBasis").asText()).isEqualTo(legalBasis);
      assertThat(held.path("notes").get(0).path("text").asText()).isEqualTo(note);
      assertThat(call("GET", "/api/v1/cases/" + report, "clara").send().status())
          .isIn(200, 404); // reports go to the ordnungsamt
      assertThat(
              call("GET", "/api/v1/cases/" + report, "carl")
                  .expect(200)
                  .path("location")
                  .path("address")
                  .asText())
          .isEqualTo(reportAddress);
    }

    assertThat(filesContaining(control))
        .as("the search finds what is stored in plain")
        .isNotEmpty();
    for (String canary : canaries()) {
      assertThat(filesContaining(canary)).as("files holding %s in plain text", canary).isEmpty();
    }

    Path annasKeyFile = keyFileOf("anna");
    assertThat(annasKeyFile).exists();
    byte[] annasKey = keyOf(annasKeyFile);
    String annasKid =
        Files.readAllLines(annasKeyFile, StandardCharsets.US_ASCII).stream()
            .filter(line -> line.startsWith("kid="))
            .findFirst()
            .orElseThrow()
            .substring(4);

    try (ConfigurableApplicationContext second = start()) {
      assertThat(
              call("GET", "/api/v1/requests/" + certificate, "anna")
                  .expect(200)
                  .path("description")
                  .asText())
          .as("the key outlives a restart")
          .isEqualTo(description);

      call("POST", "/api/v1/privacy/subjects/anna/erasure", "ada")
          .json("{\"reason\":\"CONSENT_WITHDRAWN\",\"reference\":\"DS-2026/0042\"}")
          .expect(200);
      assertErasedEverywhere(certificate, report, bensRequest);

      rebuildReadModels(second);
      JsonNode rebuilt =
          await(
              () -> call("GET", "/api/v1/requests/" + certificate, "anna").send(),
              r -> r.status() == 200 && r.json().path("status").asText().equals("DECIDED"));
      assertThat(rebuilt.path("description").asText()).isEqualTo(ERASED);
      // the two read models are rebuilt each by its own processor: the clerks' may still be
      // behind the citizens' one
      await(
          () -> call("GET", "/api/v1/cases/" + certificate, "clara").send(),
          r -> r.status() == 200 && r.json().path("status").asText().equals("DECIDED"));
      await(() -> call("GET", "/api/v1/cases/" + report, "carl").send(), r -> r.status() == 200);
      await(
          () -> call("GET", "/api/v1/requests/" + bensRequest, "ben").send(),
          r -> r.status() == 200 && r.json().path("status").asText().equals("WITHDRAWN"));
      assertErasedEverywhere(certificate, report, bensRequest);
      assertThat(second.getBean(MissingKeys.class).total())
          .as("erased values are no missing keys")
          .isZero();
    }

    assertThat(annasKeyFile).doesNotExist();
    assertThat(
            annasKeyFile.resolveSibling(
                annasKeyFile.getFileName().toString().replace(".key", "." + annasKid + ".erased")))
        .as("the tombstone that records the erasure of anna's key")
        .exists();
    for (String canary : canaries()) {
      assertThat(filesContaining(canary)).as("files holding %s in plain text", canary).isEmpty();
    }
    assertThat(filesContaining(annasKey)).as("files holding the erased key").isEmpty();
    assertThat(filesContaining(Base64.getEncoder().encodeToString(annasKey))).isEmpty();

    assertThat(logs.getAll()).contains("Embedded MongoDB (H2 backend) started"); // capture works
    for (String canary : canaries()) {
      assertThat(logs.getAll()).as("the logs").doesNotContain(canary);
    }
  }

  private void assertErasedEverywhere(String certificate, String report, String bensRequest) {
    JsonNode mine = call("GET", "/api/v1/requests/" + certificate, "anna").expect(200);
    assertThat(mine.path("description").asText()).isEqualTo(ERASED);
    assertThat(mine.path("attributes").path("purpose").asText()).isEqualTo(ERASED);
    assertThat(mine.path("informationRequests").get(0).path("question").asText()).isEqualTo(ERASED);
    assertThat(mine.path("informationRequests").get(0).path("answer").asText()).isEqualTo(ERASED);
    assertThat(mine.path("decision").path("reasoning").asText()).isEqualTo(ERASED);
    // what is not personal stays
    assertThat(mine.path("status").asText()).isEqualTo("DECIDED");
    assertThat(mine.path("caseNumber").asText()).startsWith("HN-");
    assertThat(mine.path("serviceCode").asText()).isEqualTo("meldebescheinigung");
    assertThat(mine.path("decision").path("outcome").asText()).isEqualTo("APPROVED");
    assertThat(mine.path("decision").path("legalBasis").asText()).isEqualTo(ERASED);

    JsonNode held = call("GET", "/api/v1/cases/" + certificate, "clara").expect(200);
    for (String field : List.of("name", "email", "phone", "address")) {
      assertThat(held.path("contact").path(field).asText()).as(field).isEqualTo(ERASED);
    }
    assertThat(held.path("notes").get(0).path("text").asText()).isEqualTo(ERASED);
    assertThat(held.path("notes").get(0).path("author").asText()).isEqualTo("clara");
    JsonNode reported = call("GET", "/api/v1/cases/" + report, "carl").expect(200);
    assertThat(reported.path("location").path("address").asText()).isEqualTo(ERASED);
    assertThat(reported.path("location").path("lat").asDouble()).isEqualTo(49.142);

    JsonNode export = call("GET", "/api/v1/privacy/me", "anna").expect(200);
    assertThat(export.path("contacts").findValuesAsText("name")).containsOnly(ERASED);
    assertThat(export.toString()).doesNotContain(description, name, note, answer);
    assertThat(export.path("subjectId").asText()).isEqualTo("anna");
    assertThat(export.path("requests").size()).isEqualTo(2);

    JsonNode bens = call("GET", "/api/v1/privacy/me", "ben").expect(200);
    assertThat(bens.toString()).contains(withdrawal);
  }

  private static void rebuildReadModels(ConfigurableApplicationContext context) {
    EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
    List<String> rebuilt = new java.util.ArrayList<>();
    processing
        .eventProcessors()
        .forEach(
            (name, processor) -> {
              if (processor instanceof StreamingEventProcessor streaming
                  && (name.equals(RequestProjection.NAME) || name.equals(CaseProjection.NAME))) {
                streaming.shutDown();
                streaming.resetTokens();
                streaming.start();
                rebuilt.add(name);
              }
            });
    assertThat(rebuilt)
        .as("the read models reset")
        .containsExactlyInAnyOrder(RequestProjection.NAME, CaseProjection.NAME);
  }

  private static JsonNode await(
      java.util.function.Supplier<TestClient.Response> read, Predicate<TestClient.Response> done)
      throws InterruptedException {
    Instant until = Instant.now().plusSeconds(30);
    TestClient.Response last = read.get();
    while (!done.test(last) && Instant.now().isBefore(until)) {
      Thread.sleep(100);
      last = read.get();
    }
    assertThat(done.test(last)).as("read models rebuilt in time: %s", last.body()).isTrue();
    return last.json();
  }

  private Path keyFileOf(String subject) throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
    return dataDir.resolve("keys").resolve(HexFormat.of().formatHex(hash) + ".key");
  }

  private static byte[] keyOf(Path keyFile) throws IOException {
    for (String line : Files.readAllLines(keyFile, StandardCharsets.US_ASCII)) {
      if (line.startsWith("key=")) {
        return Base64.getDecoder().decode(line.substring(4));
      }
    }
    throw new IllegalStateException("no key line in the key file");
  }

  private List<Path> filesContaining(String text) throws IOException {
    return DataFiles.containing(dataDir, text);
  }

  private List<Path> filesContaining(byte[] needle) throws IOException {
    return DataFiles.containing(dataDir, needle);
  }

  private static String json(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
