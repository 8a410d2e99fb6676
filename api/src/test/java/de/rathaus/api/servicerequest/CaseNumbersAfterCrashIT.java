package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * Case numbers (Aktenzeichen) after a crash: the engine runs in a child JVM on a data directory,
 * two citizens submit a burst of requests, and the engine is killed with SIGKILL right after the
 * last acknowledgement, submissions still in flight. After a restart on the same directory, more
 * are submitted. Every acknowledged case number is given once only, per year they run without gaps
 * except where a submission failed after taking its number (those in flight at the kill), every
 * request acknowledged before the crash is there with its number, and repeating one with its {@code
 * Idempotency-Key} answers the first answer instead of creating another request.
 *
 * <p>Failed before the embedded server journaled every write: the counter, committed about once a
 * second, came back lower than the numbers already given, and the next citizens got them again.
 */
class CaseNumbersAfterCrashIT {

  private static final int BURST = 40;
  private static final int AFTER_RESTART = 20;
  private static final Pattern CASE_NUMBER = Pattern.compile("HN-(\\d{4})-(\\d{6})");
  private static final Duration START_BOUND = Duration.ofSeconds(120);

  @TempDir Path dataDir;
  @TempDir Path logs;

  /** One answered submission. */
  record Submitted(String citizen, String key, String body, String id, String caseNumber) {}

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void caseNumbersStayUniqueAcrossKillNine() throws Exception {
    List<Submitted> acknowledged = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();

    Process first = start("first");
    try {
      TestClient client = new TestClient(port(first, "first"));
      AtomicBoolean killed = new AtomicBoolean();
      ExecutorService citizens = Executors.newFixedThreadPool(2);
      List<Future<?>> done = new ArrayList<>();
      for (String citizen : List.of("anna", "ben")) {
        done.add(
            citizens.submit(
                () -> {
                  for (int i = 0; !killed.get(); i++) {
                    try {
                      acknowledged.add(submit(client, citizen, "burst-" + citizen + "-" + i));
                      if (acknowledged.size() >= BURST && killed.compareAndSet(false, true)) {
                        // SIGKILL right after the acknowledgement: no shutdown hook, no checkpoint
                        first.destroyForcibly();
                      }
                    } catch (RuntimeException e) {
                      failed.incrementAndGet(); // refused or cut off by the kill
                      if (!killed.get()) {
                        throw e;
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> citizen : done) {
        citizen.get(2, TimeUnit.MINUTES);
      }
      citizens.shutdownNow();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).as("killed, not ended").isEqualTo(137);
    } finally {
      first.destroyForcibly();
    }
    List<Submitted> beforeCrash = List.copyOf(acknowledged);
    assertThat(beforeCrash).hasSizeGreaterThanOrEqualTo(BURST);

    Process second = start("second");
    try {
      TestClient client = new TestClient(port(second, "second"));
      for (int i = 0; i < AFTER_RESTART; i++) {
        String citizen = i % 2 == 0 ? "anna" : "ben";
        acknowledged.add(submit(client, citizen, "after-" + citizen + "-" + i));
      }

      Map<String, List<String>> byNumber = new TreeMap<>();
      for (Submitted submitted : acknowledged) {
        byNumber
            .computeIfAbsent(submitted.caseNumber(), n -> new ArrayList<>())
            .add(submitted.citizen() + " " + submitted.key());
      }
      assertThat(byNumber.entrySet())
          .as("case numbers given more than once")
          .filteredOn(given -> given.getValue().size() > 1)
          .isEmpty();
      Map<String, TreeSet<Integer>> byYear = new TreeMap<>();
      for (String number : byNumber.keySet()) {
        Matcher parts = CASE_NUMBER.matcher(number);
        assertThat(parts.matches()).as(number).isTrue();
        byYear
            .computeIfAbsent(parts.group(1), y -> new TreeSet<>())
            .add(Integer.parseInt(parts.group(2)));
      }
      byYear.forEach(
          (year, numbers) -> {
            List<Integer> missing = new ArrayList<>();
            for (int n = 1; n <= numbers.last(); n++) {
              if (!numbers.contains(n)) {
                missing.add(n);
              }
            }
            assertThat(missing)
                .as("gaps in %s: only where one of %d submissions failed", year, failed.get())
                .hasSizeLessThanOrEqualTo(failed.get());
          });

      Map<String, String> listed = new TreeMap<>();
      for (String citizen : List.of("anna", "ben")) {
        client
            .get("/api/v1/requests?size=500")
            .as(citizen)
            .expect(200)
            .path("items")
            .forEach(
                item -> listed.put(item.path("id").asText(), item.path("caseNumber").asText()));
      }
      for (Submitted submitted : beforeCrash) {
        assertThat(listed.get(submitted.id()))
            .as("%s, acknowledged before the crash, with its case number", submitted.key())
            .isEqualTo(submitted.caseNumber());
      }
      for (Submitted submitted : beforeCrash.subList(beforeCrash.size() - 5, beforeCrash.size())) {
        Response again =
            client
                .post("/api/v1/requests")
                .as(submitted.citizen())
                .header("Idempotency-Key", submitted.key())
                .json(submitted.body())
                .send()
                .expect(201);
        assertThat(again.header("Idempotent-Replayed"))
            .as("%s repeated after the restart", submitted.key())
            .contains("true");
        assertThat(again.json().path("caseNumber").asText()).isEqualTo(submitted.caseNumber());
      }
    } finally {
      second.destroyForcibly();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Submitted submit(TestClient client, String citizen, String key) {
    String body =
        """
        {"serviceCode": "meldebescheinigung",
         "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber",
                        "delivery": "post", "copies": 1},
         "applicant": {"name": "%s Beispiel"}}
        """
            .formatted(citizen);
    Response answer =
        client
            .post("/api/v1/requests")
            .as(citizen)
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .expect(201);
    return new Submitted(
        citizen,
        key,
        body,
        answer.json().path("id").asText(),
        answer.json().path("caseNumber").asText());
  }

  /** The engine in a JVM of its own on the data directory, its output in a log file. */
  private Process start(String name) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1",
            "-Daxoniq.update-checker.disabled=true",
            "-cp",
            System.getProperty("java.class.path"),
            Engine.class.getName(),
            dataDir.toString())
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile())
        .start();
  }

  /** Waits for the engine to print its port. */
  private int port(Process engine, String name) throws Exception {
    Path log = logs.resolve(name + ".log");
    long giveUpAt = System.nanoTime() + START_BOUND.toNanos();
    Pattern port = Pattern.compile("^PORT (\\d+)$", Pattern.MULTILINE);
    while (System.nanoTime() < giveUpAt && engine.isAlive()) {
      Matcher found = port.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (found.find()) {
        return Integer.parseInt(found.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The engine did not start (" + name + "):\n" + Files.readString(log));
  }

  /** Runs the engine on the data directory {@code args[0]} and prints {@code PORT n}. */
  public static final class Engine {

    private Engine() {}

    public static void main(String[] args) {
      System.setProperty("disable-axoniq-console-message", "true");
      WebServerApplicationContext engine =
          (WebServerApplicationContext)
              new SpringApplicationBuilder(RathausApplication.class)
                  .run(
                      "--rathaus.data-dir=" + args[0],
                      "--server.port=0",
                      "--server.address=127.0.0.1",
                      "--logging.level.root=warn");
      System.out.println("PORT " + engine.getWebServer().getPort());
      System.out.flush();
    }
  }
}
