package de.rathaus.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import de.rathaus.application.privacy.MissingKeys;
import de.rathaus.application.privacy.PersonalDataKeys;
import de.rathaus.application.privacy.PrivacySubjectsProjection;
import de.rathaus.application.privacy.ReadModelProgress;
import de.rathaus.domain.privacy.ErasePersonalData;
import de.rathaus.domain.privacy.ErasureGround;
import de.rathaus.domain.privacy.ErasureReason;
import de.rathaus.domain.privacy.ErasureRecordId;
import de.rathaus.domain.shared.CitizenId;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

/**
 * The engine when a key is missing and when an erasure was interrupted: "erased" means an erasure
 * was recorded, and nothing else.
 *
 * <ul>
 *   <li>a key missing without a recorded erasure answers a 503 problem for the resource, is logged
 *       (without personal data) and counted, and nothing is written in its place: read models
 *       rebuilt meanwhile wait, and once the key is back everything reads again;
 *   <li>an erasure recorded just before the engine stopped, with the key not yet destroyed, has its
 *       key destroyed on the next start;
 *   <li>the erasure's reason is a code, never free text.
 * </ul>
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataKeysIT {

  @TempDir Path dataDir;
  private int port;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String description = "Kanari Beschreibung " + run;
  private final String name = "Kanari Name " + run;

  private ConfigurableApplicationContext start() {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(RathausApplication.class)
            .run(
                "--rathaus.data-dir=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                // a moved key file is noticed at once, not after the default minute
                "--rathaus.privacy.key-cache=100ms");
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return context;
  }

  private TestClient.Call call(String method, String path, String user) {
    return new TestClient(port).call(method, path).as(user);
  }

  private String submitAsAnna() {
    return call("POST", "/api/v1/requests", "anna")
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
                    "description",
                    description,
                    "applicant",
                    Map.of("name", name))))
        .expect(201)
        .path("id")
        .asText();
  }

  @Test
  void aKeyMissingWithoutErasureAnswers503AndNothingIsWrittenInItsPlace(CapturedOutput logs)
      throws Exception {
    try (ConfigurableApplicationContext engine = start()) {
      String request = submitAsAnna();
      assertThat(
              call("GET", "/api/v1/requests/" + request, "anna")
                  .expect(200)
                  .path("description")
                  .asText())
          .isEqualTo(description);
      String kid = engine.getBean(PersonalDataKeys.class).keyId("anna").orElseThrow();
      Path keyFile = keyFileOf("anna");
      Path aside = dataDir.resolve("aside.key");

      Files.move(keyFile, aside); // the key directory is not the right one any more

      TestClient.Response missing =
          await(
              () -> call("GET", "/api/v1/requests/" + request, "anna").send(),
              r -> r.status() != 200);
      assertThat(missing.status()).isEqualTo(503);
      assertThat(missing.isProblem()).isTrue();
      assertThat(missing.json().path("type").asText()).endsWith("/personal-data-unavailable");
      assertThat(missing.body()).doesNotContain(description, name, "[erased]", kid);
      TestClient.Response english =
          call("GET", "/api/v1/requests/" + request, "anna")
              .header("Accept-Language", "en")
              .send()
              .expect(503);
      assertThat(english.json().path("title").asText()).isEqualTo("Personal data unavailable");
      assertThat(call("GET", "/api/v1/cases/" + request, "clara").send().status())
          .as("the clerk's view of the case")
          .isEqualTo(503);
      assertThat(call("GET", "/api/v1/privacy/me", "anna").send().status())
          .as("anna's export")
          .isEqualTo(503);
      assertThat(
              call("POST", "/api/v1/cases/" + request + "/assignment", "clara")
                  .json("{\"assignee\":\"clara\"}")
                  .send()
                  .status())
          .as("a command on the case, whose events cannot be read")
          .isEqualTo(503);
      assertThat(engine.getBean(MissingKeys.class).total()).isPositive();
      assertThat(
              engine
                  .getBean(MeterRegistry.class)
                  .get("rathaus.privacy.keys.missing")
                  .functionCounter()
                  .count())
          .isPositive();
      assertThat(logs.getAll()).contains("its key " + kid + " is missing from the key directory");

      // a rebuild meanwhile: the read models wait at anna's events, none shows a placeholder
      rebuildRequestReadModels(engine);
      Instant until = Instant.now().plusSeconds(3);
      while (Instant.now().isBefore(until)) {
        TestClient.Response during = call("GET", "/api/v1/requests/" + request, "anna").send();
        assertThat(during.status())
            .as("while the key is missing: %s", during.body())
            .isIn(404, 503);
        Thread.sleep(200);
      }

      Files.move(aside, keyFile); // restored
      JsonNode readable =
          await(
                  () -> call("GET", "/api/v1/requests/" + request, "anna").send(),
                  r -> r.status() == 200,
                  90)
              .json();
      assertThat(readable.path("description").asText()).isEqualTo(description);
      assertThat(
              call("GET", "/api/v1/cases/" + request, "clara")
                  .expect(200)
                  .path("contact")
                  .path("name")
                  .asText())
          .isEqualTo(name);
    }
    assertThat(logs.getAll()).doesNotContain(description).doesNotContain(name);
  }

  @Test
  void anErasureRecordedBeforeTheEngineStoppedHasItsKeyDestroyedOnTheNextStart() throws Exception {
    String request;
    Path keyFile = keyFileOf("anna");
    try (ConfigurableApplicationContext engine = start()) {
      request = submitAsAnna();
      awaitCaughtUp(engine, PrivacySubjectsProjection.NAME);
      // the engine stops right after recording the erasure: nothing handles the event any more,
      // and the key is not destroyed
      engine
          .getBean(EventProcessingConfiguration.class)
          .eventProcessor(PrivacySubjectsProjection.NAME, StreamingEventProcessor.class)
          .orElseThrow()
          .shutDown();
      String kid = engine.getBean(PersonalDataKeys.class).keyId("anna").orElseThrow();
      CitizenId anna = new CitizenId("anna");
      engine
          .getBean(CommandGateway.class)
          .sendAndWait(
              new ErasePersonalData(
                  ErasureRecordId.of(anna),
                  "erasure-" + run,
                  anna,
                  ErasureGround.REQUEST,
                  ErasureReason.CONSENT_WITHDRAWN,
                  null,
                  "ada",
                  kid,
                  Instant.now()));
    }
    assertThat(keyFile).as("the key outlived the stop").exists();

    try (ConfigurableApplicationContext engine = start()) {
      await(() -> Files.exists(keyFile), exists -> !exists);
      assertThat(keyFile).as("destroyed on the next start").doesNotExist();
      JsonNode mine = call("GET", "/api/v1/requests/" + request, "anna").expect(200);
      assertThat(mine.path("description").asText()).isEqualTo("[erased]");
      assertThat(engine.getBean(MissingKeys.class).total()).isZero();
      // with the real tokens: the requests' read model is seen to have applied what is stored
      await(() -> engine.getBean(ReadModelProgress.class).hasAppliedEverythingStored(), b -> b);

      // the reason of an erasure is a code of the list, never words
      TestClient.Response words =
          call("POST", "/api/v1/privacy/subjects/ben/erasure", "ada")
              .json("{\"reason\":\"Ben Beispiel rief am 3.3. an\"}")
              .send()
              .expect(400);
      assertThat(words.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
      assertThat(words.body()).doesNotContain("Ben Beispiel");
      TestClient.Response reference =
          call("POST", "/api/v1/privacy/subjects/ben/erasure", "ada")
              .json("{\"reason\":\"OBJECTION\",\"reference\":\"Ben Beispiel\"}")
              .send()
              .expect(400);
      assertThat(reference.json().path("errors").get(0).path("field").asText())
          .isEqualTo("reference");
      call("POST", "/api/v1/privacy/subjects/ben/erasure", "ada")
          .json("{\"reason\":\"RETENTION_EXPIRED\"}")
          .send()
          .expect(400);
      JsonNode erased =
          call("POST", "/api/v1/privacy/subjects/ben/erasure", "ada")
              .json("{\"reason\":\"OBJECTION\",\"reference\":\"DS-2026/0042\"}")
              .expect(200);
      assertThat(erased.path("subjectId").asText()).isEqualTo("ben");
    }
  }

  private static void rebuildRequestReadModels(ConfigurableApplicationContext context) {
    context
        .getBean(EventProcessingConfiguration.class)
        .eventProcessors()
        .forEach(
            (name, processor) -> {
              if (processor instanceof StreamingEventProcessor streaming
                  && name.endsWith("servicerequest")) {
                streaming.shutDown();
                streaming.resetTokens();
                streaming.start();
              }
            });
  }

  private static void awaitCaughtUp(ConfigurableApplicationContext context, String processor)
      throws InterruptedException {
    StreamingEventProcessor streaming =
        context
            .getBean(EventProcessingConfiguration.class)
            .eventProcessor(processor, StreamingEventProcessor.class)
            .orElseThrow();
    await(
        () -> streaming.processingStatus().values(),
        segments ->
            !segments.isEmpty()
                && segments.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState()));
  }

  private static <T> T await(Supplier<T> read, Predicate<T> done) throws InterruptedException {
    return await(read, done, 30);
  }

  private static <T> T await(Supplier<T> read, Predicate<T> done, int seconds)
      throws InterruptedException {
    Instant until = Instant.now().plusSeconds(seconds);
    T last = read.get();
    while (!done.test(last) && Instant.now().isBefore(until)) {
      Thread.sleep(100);
      last = read.get();
    }
    assertThat(done.test(last)).as("within %s s: %s", seconds, last).isTrue();
    return last;
  }

  private Path keyFileOf(String subject) throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
    return dataDir.resolve("keys").resolve(HexFormat.of().formatHex(hash) + ".key");
  }

  private static String json(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
