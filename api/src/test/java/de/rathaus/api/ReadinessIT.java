package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ready means ready (docs/design.md section 3, run contract): a script that waits for {@code GET
 * /actuator/health} to answer UP and then acts is served. The packaged engine is started on a new
 * data directory and its health asked every 50 ms from the first moment; at the very first UP the
 * whole sample catalogue is listed, a citizen's submission succeeds, and the readiness and liveness
 * probes answer UP too. Before that, every answer of the health endpoint is a refusal (503), never
 * a premature UP.
 */
class ReadinessIT {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration STOP = Duration.ofSeconds(20);
  private static final int SAMPLE_SERVICES = 11;

  /**
   * The action fields of the strategy and the usual further ones (sample-catalogue/action-fields).
   */
  private static final int SAMPLE_ACTION_FIELDS = 12;

  private static final String CERTIFICATE =
      """
      {"serviceCode": "meldebescheinigung",
       "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
       "applicant": {"name": "Anna Beispiel"}}
      """;

  @TempDir Path dataDir;
  @TempDir Path work;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void atTheFirstUpTheSampleCatalogueIsListedAndASubmissionSucceeds() throws Exception {
    Path jar = jar();
    Path output = work.resolve("engine.log");
    int port = freeLoopbackPort();
    ProcessBuilder builder =
        RecordingLauncher.childJvm(jar.toString(), RecordingLauncher.JAR_LAUNCHER, dataDir, output);
    builder.environment().put("SERVER_PORT", Integer.toString(port));

    Process engine = builder.start();
    try {
      List<String> before = awaitFirstUp(engine, port, output);
      assertThat(before)
          .as("answers of the health endpoint before the first UP")
          .allMatch(answer -> answer.startsWith("refused") || answer.startsWith("503"));

      TestClient client = new TestClient(port);
      JsonNode services = client.get("/api/v1/services").expect(200);
      assertThat(services.path("items").size())
          .as("sample services listed at the first UP: %s", services)
          .isEqualTo(SAMPLE_SERVICES);
      JsonNode actionFields = client.get("/api/v1/action-fields").expect(200);
      assertThat(actionFields.path("items").size())
          .as("sample action fields listed at the first UP: %s", actionFields)
          .isEqualTo(SAMPLE_ACTION_FIELDS);
      client.post("/api/v1/requests").as("anna").json(CERTIFICATE).expect(201);
      assertThat(client.get("/actuator/health/readiness").send().status()).isEqualTo(200);
      assertThat(client.get("/actuator/health/liveness").send().status()).isEqualTo(200);
    } finally {
      stop(engine);
    }
  }

  static Path jar() throws Exception {
    Path testClasses =
        Path.of(ReadinessIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = testClasses.resolveSibling("rathaus.jar");
    assertThat(jar)
        .as("the packaged engine (mvn package builds it before the ITs)")
        .isRegularFile();
    return jar;
  }

  static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** Asks for health every 50 ms until the first 200 UP; answers what came before it. */
  private static List<String> awaitFirstUp(Process engine, int port, Path output) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest health =
        HttpRequest.newBuilder(new URI("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    List<String> before = new ArrayList<>();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!engine.isAlive()) {
        throw new AssertionError(
            "The engine exited with " + engine.exitValue() + " before it was UP:\n" + read(output));
      }
      try {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
          return before;
        }
        before.add(response.statusCode() + " " + response.body());
      } catch (IOException notListening) {
        before.add("refused " + notListening);
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new AssertionError(
        "The engine was not UP within " + STARTUP + " (answers: " + before + "):\n" + read(output));
  }

  static void stop(Process engine) throws InterruptedException {
    engine.destroy();
    if (!engine.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
      engine.destroyForcibly().waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
    }
  }

  static String read(Path output) {
    try {
      return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(output not readable: " + e + ")";
    }
  }
}
