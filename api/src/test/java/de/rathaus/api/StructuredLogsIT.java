package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structured logs as an option: with {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} every line the
 * packaged engine writes to its console is one JSON object in Elastic Common Schema, from the first
 * line of the start to the last of the stop.
 */
class StructuredLogsIT {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path work;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void withTheEcsOptionEveryConsoleLineIsAJsonObject() throws Exception {
    Path output = work.resolve("engine.log");
    int port = ReadinessIT.freeLoopbackPort();
    ProcessBuilder builder =
        RecordingLauncher.childJvm(
            ReadinessIT.jar().toString(), RecordingLauncher.JAR_LAUNCHER, dataDir, output);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");

    Process engine = builder.start();
    try {
      awaitUp(engine, port, output);
    } finally {
      ReadinessIT.stop(engine);
    }

    List<String> lines = ReadinessIT.read(output).lines().filter(l -> !l.isBlank()).toList();
    List<String> notJson = new ArrayList<>();
    List<JsonNode> entries = new ArrayList<>();
    for (String line : lines) {
      try {
        JsonNode entry = JSON.readTree(line);
        if (entry.isObject()) {
          entries.add(entry);
          continue;
        }
      } catch (IOException notJsonAtAll) {
        // listed below
      }
      notJson.add(line);
    }
    assertThat(notJson).as("console lines that are no JSON object").isEmpty();
    assertThat(entries)
        .as("ECS fields on every line")
        .isNotEmpty()
        .allSatisfy(
            entry -> {
              assertThat(entry.has("@timestamp")).as("@timestamp in %s", entry).isTrue();
              assertThat(entry.has("message")).as("message in %s", entry).isTrue();
              assertThat(entry.has("log.level") || entry.path("log").has("level"))
                  .as("log level in %s", entry)
                  .isTrue();
            });
    assertThat(entries)
        .as("the readiness line")
        .anySatisfy(
            entry ->
                assertThat(entry.path("message").asText()).startsWith("Read models caught up"));
  }

  private static void awaitUp(Process engine, int port, Path output) throws Exception {
    TestClient client = new TestClient(port);
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!engine.isAlive()) {
        throw new AssertionError(
            "The engine exited with "
                + engine.exitValue()
                + " before it was UP:\n"
                + ReadinessIT.read(output));
      }
      try {
        if (client.get("/actuator/health").send().status() == 200) {
          return;
        }
      } catch (RuntimeException notListening) {
        // not yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Not UP within " + STARTUP + ":\n" + ReadinessIT.read(output));
  }
}
