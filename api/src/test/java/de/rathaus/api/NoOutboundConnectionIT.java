package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
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
 * Starting the engine opens no outbound connection and writes nothing outside its data directory
 * (docs/design.md section 2: Axon's update checker phones home unless it is off before Axon
 * starts).
 *
 * <p>Runs the packaged {@code rathaus.jar} (built in the package phase, before failsafe's
 * integration-test phase) in a child JVM under {@link RecordingLauncher}, without any test library
 * on its class path or call stack: Axon skips its update checker on its own when it detects a test
 * framework, so an in-process Spring Boot test would prove nothing.
 */
class NoOutboundConnectionIT {

  private static final Duration STARTUP = Duration.ofSeconds(90);

  /** Axon's update checker runs one second after start, asynchronously; give it time to show. */
  private static final Duration AFTER_STARTUP = Duration.ofSeconds(5);

  private static final Duration STOP = Duration.ofSeconds(20);
  private static final String STORE_FILE = "rathaus-store.mv";

  @TempDir Path dataDir;
  @TempDir Path work;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void startingTheEngineOpensNoOutboundConnectionAndWritesOnlyItsDataDirectory() throws Exception {
    Path testClasses =
        Path.of(
            NoOutboundConnectionIT.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path jar = testClasses.resolveSibling("rathaus.jar");
    assertThat(jar)
        .as("the packaged engine (mvn package builds it before the ITs)")
        .isRegularFile();
    Path classPath = RecordingLauncher.isolatedClassPath(work.resolve("launcher"));
    Path output = work.resolve("engine.log");
    int port = freeLoopbackPort();

    ProcessBuilder builder =
        RecordingLauncher.childJvm(
            jar + File.pathSeparator + classPath,
            RecordingLauncher.class.getName(),
            dataDir,
            output);
    builder.environment().put("SERVER_PORT", Integer.toString(port));

    long started = System.nanoTime();
    Process engine = builder.start();
    try {
      awaitHealthUp(engine, port, output);
      System.out.printf(
          "Engine UP after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      Thread.sleep(AFTER_STARTUP.toMillis());
    } finally {
      stop(engine);
    }

    String log = read(output);
    assertThat(log)
        .as("the recorder was installed in the engine's JVM; output:%n%s", log)
        .contains(RecordingLauncher.INSTALLED);
    List<String> violations = violations(log);
    assertThat(violations)
        .as(
            "outbound connections (refused) and writes outside the data directory %s:%n%s",
            dataDir, String.join(System.lineSeparator(), violations))
        .isEmpty();
    assertThat(dataDir.resolve(STORE_FILE)).as("the embedded store file").isRegularFile();
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static void awaitHealthUp(Process engine, int port, Path output)
      throws IOException, InterruptedException, URISyntaxException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(new URI("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!engine.isAlive()) {
        throw new AssertionError(
            "The engine exited with " + engine.exitValue() + " before it was UP:\n" + read(output));
      }
      try {
        HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
        last = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "The engine was not UP within " + STARTUP + " (last: " + last + "):\n" + read(output));
  }

  private static void stop(Process engine) throws InterruptedException {
    engine.destroy();
    if (!engine.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
      engine.destroyForcibly().waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /** The violation lines, each with the stack lines (starting with a tab) that follow it. */
  static List<String> violations(String log) {
    List<String> violations = new ArrayList<>();
    boolean inViolation = false;
    for (String line : log.lines().toList()) {
      if (line.startsWith(RecordingLauncher.VIOLATION)) {
        violations.add(line);
        inViolation = true;
      } else if (inViolation && line.startsWith("\t")) {
        violations.add(line);
      } else {
        inViolation = false;
      }
    }
    return violations;
  }

  private static String read(Path output) {
    try {
      return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(output not readable: " + e + ")";
    }
  }
}
