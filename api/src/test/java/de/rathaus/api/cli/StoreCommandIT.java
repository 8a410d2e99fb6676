package de.rathaus.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.rathaus.api.RathausApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.Base64;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code rathaus.jar store --port N}: the embedded store on its own, for several engine instances
 * on one store. Every process runs from the packaged jar (built in the package phase, before the
 * ITs): an acknowledged write survives {@code kill -9} of the store, an engine on {@code
 * RATHAUS_MONGODB_URI} (in this JVM, the cheaper start) keeps its request across its own restart
 * and a clean (SIGTERM) restart of the store, and bad arguments are one line and exit code 2.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StoreCommandIT {

  private static final Duration STORE_START = Duration.ofSeconds(30);
  private static final Duration STOP = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final List<Process> STARTED = new CopyOnWriteArrayList<>();
  private static final List<ConfigurableApplicationContext> ENGINES = new CopyOnWriteArrayList<>();

  @TempDir Path work;

  @AfterEach
  void killWhatThisTestStarted() throws InterruptedException {
    killAll();
  }

  @AfterAll
  static void killAll() throws InterruptedException {
    for (ConfigurableApplicationContext engine : ENGINES) {
      engine.close();
      ENGINES.remove(engine);
    }
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

    ConfigurableApplicationContext engine = startEngine(storePort, engineData);
    HttpResponse<String> submitted =
        call(
            engine,
            "POST",
            "/api/v1/requests",
            """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
             "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
            """);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String id = JSON.readTree(submitted.body()).path("id").asText();
    HttpResponse<String> read = call(engine, "GET", "/api/v1/requests/" + id, null);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    engine.close();

    // a clean stop of the store (SIGTERM) writes its journal into its file and lets go of it
    store.destroy();
    assertThat(store.waitFor(STOP.toSeconds(), TimeUnit.SECONDS))
        .as("the store stops on SIGTERM")
        .isTrue();
    assertThat(read(log("store-1"))).contains("store stopped");

    int storeAgain = freeLoopbackPort();
    startStore("store-2", storeAgain, data);
    HttpResponse<String> again =
        call(startEngine(storeAgain, engineData), "GET", "/api/v1/requests/" + id, null);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    JsonNode request = JSON.readTree(again.body());
    assertThat(request.path("id").asText()).isEqualTo(id);
    assertThat(request.path("serviceCode").asText()).isEqualTo("meldebescheinigung");
  }

  @Test
  void badArgumentsAreOneLineAndExitCodeTwo() throws Exception {
    Path notADirectory = Files.writeString(work.resolve("a-file"), "not a directory");
    Map<String, String> env = Map.of("RATHAUS_DATA_DIR", work.resolve("default-data").toString());
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String takenPort = Integer.toString(taken.getLocalPort());
      String free = Integer.toString(freeLoopbackPort());
      String unwritable = notADirectory.resolve("d").toString();
      // as processes of the jar: the exit code the shell sees, and no thread left behind
      refusedByTheJar(List.of("store"), "usage: store --port N");
      refusedByTheJar(List.of("store", "--port", takenPort), "port " + takenPort + " is in use");
      // the rest in this JVM, through the same command
      Map<List<String>, String> cases =
          Map.of(
              List.of("store", "--port", "abc"), "not a port number: abc",
              List.of("store", "--port", "70000"), "not a port number: 70000",
              List.of("store", "--port", "0"), "not a port number: 0",
              List.of("store", "--port"), "option --port needs a value",
              List.of("store", "--port", free, "--data-dir", unwritable),
                  "cannot write the data directory",
              List.of("store", "--port", takenPort, "--data-dir", work.resolve("d").toString()),
                  "port " + takenPort + " is in use",
              List.of("store", "--port", free, "--bind", "not an address"),
                  "not an IP address: not an address",
              List.of("store", "--port", free, "--bind", "localhost"),
                  "not an IP address: localhost",
              List.of("store", "--port", free, "--verbose"), "unknown option: --verbose");
      for (Map.Entry<List<String>, String> bad : cases.entrySet()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
            StoreCommand.run(
                bad.getKey().toArray(String[]::new),
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code of %s: %s", bad.getKey(), message).isEqualTo(2);
        assertOneLine(bad.getKey(), message, bad.getValue());
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("store ready");
      }
    }
  }

  private void refusedByTheJar(List<String> args, String expected) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("RATHAUS_DATA_DIR", work.resolve("default-data").toString());
    Path err = work.resolve("err.txt");
    Path out = work.resolve("out.txt");
    Process process = builder.redirectError(err.toFile()).redirectOutput(out.toFile()).start();
    STARTED.add(process);
    assertThat(process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS))
        .as("%s ends by itself:%n%s%n%s", args, read(out), read(err))
        .isTrue();
    assertThat(process.exitValue()).as("exit code of %s: %s", args, read(err)).isEqualTo(2);
    assertOneLine(args, read(err), expected);
    assertThat(read(out)).as("output of %s", args).doesNotContain("store ready");
  }

  private static void assertOneLine(List<String> args, String message, String expected) {
    assertThat(message.strip())
        .as("message of %s", args)
        .contains(expected)
        .doesNotContain("\n")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
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

  /**
   * An engine in this JVM on the standalone store, configured as an operator would through the
   * environment ({@code RATHAUS_MONGODB_URI}, {@code RATHAUS_DEMO=true}); as arguments here, which
   * bind to the same properties. In-process: a second start in a warm JVM takes a third of a jar's.
   */
  private ConfigurableApplicationContext startEngine(int storePort, Path data) {
    ConfigurableApplicationContext engine =
        new SpringApplicationBuilder(RathausApplication.class)
            .run(
                "--rathaus.mongodb.uri=mongodb://127.0.0.1:" + storePort,
                "--rathaus.demo=true",
                "--rathaus.data-dir=" + data,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--rathaus.participation.phase-check-interval=PT1H");
    ENGINES.add(engine);
    return engine;
  }

  /**
   * A call as the demo citizen anna; plain HTTP, not {@link de.rathaus.api.TestClient}, whose
   * contract check would make each engine build its OpenAPI document (10 s here) for two calls.
   */
  private static HttpResponse<String> call(
      ConfigurableApplicationContext engine, String method, String path, String json)
      throws Exception {
    int port = ((ServletWebServerApplicationContext) engine).getWebServer().getPort();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("anna:demo".getBytes(StandardCharsets.UTF_8)))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
    assertThat(jar)
        .as("the packaged engine (mvn package builds it before the ITs)")
        .isRegularFile();
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
