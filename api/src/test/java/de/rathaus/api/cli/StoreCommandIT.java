package de.rathaus.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rathaus.jar store --port N}: the embedded store on its own, for several engine instances
 * on one store. Every process runs from the packaged jar (built in the package phase, before the
 * ITs): an acknowledged write survives {@code kill -9} of the store, an engine on {@code
 * RATHAUS_MONGODB_URI} keeps its request across its own restart and a clean (SIGTERM) restart of
 * the store, and bad arguments are one line and exit code 2.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StoreCommandIT {

  private static final Duration STORE_START = Duration.ofSeconds(30);
  private static final Duration ENGINE_START = Duration.ofSeconds(90);
  private static final Duration STOP = Duration.ofSeconds(20);
  private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

  @TempDir Path work;

  @AfterEach
  void killWhatThisTestStarted() throws InterruptedException {
    killAll();
  }

  @AfterAll
  static void killAll() throws InterruptedException {
    for (Process process : STARTED) {
      process.destroyForcibly().waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
      STARTED.remove(process);
    }
  }

  @Test
  void everyAcknowledgedWriteSurvivesAKilledStore() throws Exception {
    Path data = work.resolve("store");
    int port = freeLoopbackPort();
    Process store = startStore("store-1", port, data);
    List<String> written = new ArrayList<>();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
      MongoCollection<Document> documents = client.getDatabase("probe").getCollection("documents");
      for (int i = 0; i < 200; i++) {
        String id = "document-" + i;
        documents.insertOne(new Document("_id", id).append("n", i));
        written.add(id);
      }
      documents.updateOne(new Document("_id", "document-0"), new Document("$set", Map.of("n", -1)));
      // kill -9 right after the last acknowledged write: no checkpoint, no shutdown hook
      store.destroyForcibly();
      assertThat(store.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    int again = freeLoopbackPort();
    startStore("store-2", again, data);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + again)) {
      MongoCollection<Document> documents = client.getDatabase("probe").getCollection("documents");
      Set<String> found = new HashSet<>();
      documents.find().forEach(document -> found.add(document.getString("_id")));
      assertThat(found).containsExactlyInAnyOrderElementsOf(written);
      assertThat(documents.find(new Document("_id", "document-0")).first().getInteger("n"))
          .isEqualTo(-1);
    }
  }

  @Test
  void anEngineOnTheStoreKeepsItsRequestAcrossRestartsOfBoth() throws Exception {
    Path data = work.resolve("store");
    Path engineData = work.resolve("engine");
    int storePort = freeLoopbackPort();
    Process store = startStore("store-1", storePort, data);

    int enginePort = freeLoopbackPort();
    Process engine = startEngine("engine-1", enginePort, storePort, engineData);
    TestClient client = new TestClient(enginePort);
    String id =
        client
            .post("/api/v1/requests")
            .as("anna")
            .json(
                """
                {"serviceCode": "meldebescheinigung",
                 "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
                 "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
                """)
            .expect(201)
            .path("id")
            .asText();
    assertThat(client.get("/api/v1/requests/" + id).as("anna").expect(200).path("id").asText())
        .isEqualTo(id);
    stop(engine);

    // a clean stop of the store (SIGTERM) writes its journal into its file and lets go of it
    store.destroy();
    assertThat(store.waitFor(STOP.toSeconds(), TimeUnit.SECONDS))
        .as("the store stops on SIGTERM")
        .isTrue();
    assertThat(read(log("store-1"))).contains("store stopped");

    int storeAgain = freeLoopbackPort();
    startStore("store-2", storeAgain, data);
    int engineAgain = freeLoopbackPort();
    startEngine("engine-2", engineAgain, storeAgain, engineData);
    JsonNode request =
        new TestClient(engineAgain).get("/api/v1/requests/" + id).as("anna").expect(200);
    assertThat(request.path("id").asText()).isEqualTo(id);
    assertThat(request.path("serviceCode").asText()).isEqualTo("meldebescheinigung");
  }

  @Test
  void badArgumentsAreOneLineAndExitCodeTwo() throws Exception {
    Path notADirectory = Files.writeString(work.resolve("a-file"), "not a directory");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String takenPort = Integer.toString(taken.getLocalPort());
      String free = Integer.toString(freeLoopbackPort());
      Map<List<String>, String> cases =
          Map.of(
              List.of("store"), "usage: store --port N",
              List.of("store", "--port", "abc"), "not a port number: abc",
              List.of("store", "--port", "70000"), "not a port number: 70000",
              List.of("store", "--port", "0"), "not a port number: 0",
              List.of("store", "--port", takenPort), "port " + takenPort + " is in use",
              List.of("store", "--port", free, "--data-dir", notADirectory.resolve("d").toString()),
                  "cannot write the data directory",
              List.of("store", "--port", free, "--bind", "not an address"),
                  "not an IP address: not an address",
              List.of("store", "--port", free, "--verbose"), "unknown option: --verbose");
      for (Map.Entry<List<String>, String> bad : cases.entrySet()) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(bad.getKey());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("RATHAUS_DATA_DIR", work.resolve("default-data").toString());
        Path err = work.resolve("err.txt");
        Path out = work.resolve("out.txt");
        Process process = builder.redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        STARTED.add(process);
        assertThat(process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String message = read(err);
        assertThat(process.exitValue()).as("exit code of %s: %s", bad.getKey(), message).isEqualTo(2);
        assertThat(message.strip())
            .as("message of %s", bad.getKey())
            .contains(bad.getValue())
            .doesNotContain("\n")
            .doesNotContain("Exception");
        assertThat(read(out)).as("output of %s", bad.getKey()).doesNotContain("store ready");
      }
    }
  }

  private Process startStore(String name, int port, Path data) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                java(),
                "-jar",
                jar().toString(),
                "store",
                "--port",
                Integer.toString(port),
                "--data-dir",
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(log(name).toFile());
    Process store = builder.start();
    STARTED.add(store);
    String ready = "store ready on 127.0.0.1:" + port;
    long deadline = System.nanoTime() + STORE_START.toNanos();
    while (System.nanoTime() < deadline) {
      if (read(log(name)).lines().anyMatch(ready::equals)) {
        return store;
      }
      if (!store.isAlive()) {
        throw new AssertionError(
            "The store exited with " + store.exitValue() + ":\n" + read(log(name)));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("The store was not ready in time:\n" + read(log(name)));
  }

  private Process startEngine(String name, int port, int storePort, Path data) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                java(),
                "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true",
                "-jar",
                jar().toString())
            .redirectErrorStream(true)
            .redirectOutput(log(name).toFile());
    Map<String, String> env = builder.environment();
    env.put("RATHAUS_MONGODB_URI", "mongodb://127.0.0.1:" + storePort);
    env.put("RATHAUS_DEMO", "true");
    env.put("RATHAUS_DATA_DIR", data.toString());
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("SERVER_ADDRESS", "127.0.0.1");
    env.put("RATHAUS_PARTICIPATION_PHASE_CHECK_INTERVAL", "PT1H");
    Process engine = builder.start();
    STARTED.add(engine);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(new URI("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + ENGINE_START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!engine.isAlive()) {
        throw new AssertionError(
            "The engine exited with " + engine.exitValue() + ":\n" + read(log(name)));
      }
      try {
        HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return engine;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The engine was not UP in time:\n" + read(log(name)));
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private Path log(String name) {
    return work.resolve(name + ".log");
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Path jar() throws Exception {
    Path testClasses =
        Path.of(StoreCommandIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = testClasses.resolveSibling("rathaus.jar");
    assertThat(jar).as("the packaged engine (mvn package builds it before the ITs)").isRegularFile();
    return jar;
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(not readable: " + e + ")";
    }
  }
}
