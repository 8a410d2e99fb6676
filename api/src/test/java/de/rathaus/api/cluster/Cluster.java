package de.rathaus.api.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Several engine instances on one store, each a process of the packaged jar ({@code
 * target/rathaus.jar}, built in the package phase): one {@code rathaus.jar store --port N} and N
 * engines on {@code RATHAUS_MONGODB_URI}, all on loopback, each on a free port, each with a data
 * directory of its own and the settings that several instances must share (below). Instances are
 * killed with SIGKILL ({@code kill -9}) and started again on the same port and data directory; the
 * store likewise. Every process's output goes to a log file of its own under the cluster's
 * directory ({@code target/cluster/…}); {@link #close} kills whatever is still running.
 *
 * <p>What several instances must share, found by starting them without it: {@code
 * RATHAUS_PRIVACY_KEYSTORE=mongo} (the file key store keeps a citizen's key in one instance's data
 * directory: the other cannot read what it wrote), {@code RATHAUS_SEARCH_KEY} (in demo mode each
 * data directory generates its own, and a name indexed by one instance is not found through the
 * other) and {@code RATHAUS_TRANSPARENCY_SIGNINGKEY} (likewise generated per data directory: the
 * instances would sign checkpoints of one log with different keys, and the verification of the log
 * fails on the other's). The harness makes one search key and one Ed25519 signing key per cluster
 * and gives them to every instance. {@code RATHAUS_LIMITS_REQUESTSPERHOUR} is lifted (the load
 * submits thousands of requests as two demo citizens); the limit is per citizen across instances.
 */
public final class Cluster implements AutoCloseable {

  private static final Duration STORE_START = Duration.ofSeconds(60);
  private static final Duration ENGINE_START = Duration.ofSeconds(180);
  private static final Duration STOP = Duration.ofSeconds(20);
  private static final HttpClient HTTP = ClusterClient.client();

  private final Path directory;
  private final Path jar;
  private final List<String> jvmOptions;
  private final Map<String, String> shared;
  private final List<Process> started = new CopyOnWriteArrayList<>();
  private final List<Engine> engines = new ArrayList<>();
  private final Store store;

  private Cluster(Path directory, Path jar, List<String> jvmOptions, Map<String, String> shared)
      throws IOException {
    this.directory = Files.createDirectories(directory);
    this.jar = jar;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.shared = shared;
    this.store = new Store(freeLoopbackPort(), directory.resolve("store"));
  }

  /**
   * A cluster of {@code size} engines (not started yet) under {@code directory}, each with the
   * shared settings plus {@code settings} (environment variables, for every instance).
   */
  public static Cluster of(
      Path directory, int size, List<String> jvmOptions, Map<String, String> settings)
      throws Exception {
    Map<String, String> shared = new LinkedHashMap<>();
    shared.put("RATHAUS_DEMO", "true");
    shared.put("RATHAUS_PRIVACY_KEYSTORE", "mongo");
    shared.put("RATHAUS_SEARCH_KEY", searchKey());
    shared.put("RATHAUS_TRANSPARENCY_SIGNINGKEY", signingKey());
    shared.put("RATHAUS_LIMITS_REQUESTSPERHOUR", "1000000");
    shared.put("SERVER_ADDRESS", "127.0.0.1");
    shared.putAll(settings);
    Cluster cluster = new Cluster(directory, jar(), jvmOptions, shared);
    for (int i = 0; i < size; i++) {
      cluster.engines.add(
          cluster.new Engine(i, freeLoopbackPort(), directory.resolve("engine-" + i)));
    }
    return cluster;
  }

  /**
   * Starts the store, then every engine at once, and waits until each is ready. Started together,
   * the engines share the start-up work (the JVMs boot side by side) and the processors' first
   * claims are contested, as in a rolling deployment; one after another, the second also waits out
   * {@code Readiness.FOREIGN_CLAIMS_SETTLED} (15 s) behind the first one's claims.
   */
  public Cluster start() throws Exception {
    store.start();
    for (Engine engine : engines) {
      engine.start();
    }
    for (Engine engine : engines) {
      engine.awaitReady();
    }
    return this;
  }

  public Store store() {
    return store;
  }

  public List<Engine> engines() {
    return List.copyOf(engines);
  }

  public Engine engine(int index) {
    return engines.get(index);
  }

  public Path directory() {
    return directory;
  }

  @Override
  public void close() {
    for (Process process : started) {
      process.destroyForcibly();
    }
    for (Process process : started) {
      try {
        process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The standalone store: {@code rathaus.jar store --port N --data-dir D}. */
  public final class Store {
    private final int port;
    private final Path dataDir;
    private volatile Process process;
    private int starts;

    Store(int port, Path dataDir) {
      this.port = port;
      this.dataDir = dataDir;
    }

    public int port() {
      return port;
    }

    public String uri() {
      return "mongodb://127.0.0.1:" + port;
    }

    /** Starts the store on its port and data directory and waits until it says it is ready. */
    public synchronized void start() throws Exception {
      starts++;
      List<String> command =
          List.of(
              java(),
              "-Xmx1g",
              "-jar",
              jar.toString(),
              "store",
              "--port",
              Integer.toString(port),
              "--data-dir",
              dataDir.toString());
      Path log = directory.resolve("store-" + starts + ".log");
      CompletableFuture<Void> ready = new CompletableFuture<>();
      process = launch(command, Map.of(), log, "store ready on 127.0.0.1:" + port, ready);
      awaitLine(ready, process, STORE_START, log);
    }

    /** SIGKILL: no shutdown hook, no checkpoint of its file. */
    public void kill() throws InterruptedException {
      Process running = process;
      running.destroyForcibly();
      running.waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /** One engine instance: {@code java -jar rathaus.jar} with the shared settings. */
  public final class Engine {
    private final int index;
    private final int port;
    private final Path dataDir;
    private volatile Process process;
    private int starts;
    private final Map<String, String> settings = new LinkedHashMap<>();

    Engine(int index, int port, Path dataDir) {
      this.index = index;
      this.port = port;
      this.dataDir = dataDir;
    }

    public int index() {
      return index;
    }

    public int port() {
      return port;
    }

    public String base() {
      return "http://127.0.0.1:" + port;
    }

    /** The process id of the running instance (its token claims name it). */
    public long pid() {
      return process.pid();
    }

    public boolean alive() {
      Process running = process;
      return running != null && running.isAlive();
    }

    /**
     * Settings (environment variables) of this instance alone from its next {@link #start} on, such
     * as {@code RATHAUS_CLOCK_OFFSET}; a {@code null} value removes one.
     */
    public synchronized Engine set(String name, String value) {
      if (value == null) {
        settings.remove(name);
      } else {
        settings.put(name, value);
      }
      return this;
    }

    /** This instance's own settings (those of {@link #set}). */
    public synchronized Map<String, String> settings() {
      return Map.copyOf(settings);
    }

    /** Starts the instance (without waiting for it: see {@link #awaitReady}). */
    public synchronized void start() throws IOException {
      starts++;
      List<String> command = new ArrayList<>();
      command.add(java());
      command.addAll(jvmOptions);
      command.add("-jar");
      command.add(jar.toString());
      Map<String, String> env = new LinkedHashMap<>(shared);
      env.put("RATHAUS_MONGODB_URI", store.uri());
      env.put("RATHAUS_DATA_DIR", dataDir.toString());
      env.put("SERVER_PORT", Integer.toString(port));
      env.putAll(settings);
      process = launch(command, env, log(), null, null);
    }

    public Path log() {
      return directory.resolve("engine-" + index + "-" + starts + ".log");
    }

    /**
     * Waits until {@code /actuator/health} answers 200: the store answers and acknowledges a write,
     * and every read model of this instance has caught up (Readiness). There is no event to wait on
     * from outside the process: the probe is asked every 50 ms.
     */
    public void awaitReady() throws Exception {
      await("/actuator/health", "ready");
    }

    /**
     * Waits until the instance serves HTTP ({@code /actuator/health/liveness} answers 200: started,
     * its read models perhaps still catching up, as when a load balancer does not ask readiness).
     */
    public void awaitServing() throws Exception {
      await("/actuator/health/liveness", "serving");
    }

    private void await(String probe, String what) throws Exception {
      long deadline = System.nanoTime() + ENGINE_START.toNanos();
      Process running = process;
      while (System.nanoTime() < deadline) {
        if (!running.isAlive()) {
          throw new IllegalStateException(
              "engine-" + index + " exited with " + running.exitValue() + ", see " + log());
        }
        try {
          HttpResponse<Void> health =
              HTTP.send(
                  HttpRequest.newBuilder(URI.create(base() + probe))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          if (health.statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
      throw new IllegalStateException(
          "engine-" + index + " not " + what + " in time, see " + log());
    }

    /** SIGKILL ({@code kill -9}): requests in flight are cut off, no shutdown hook runs. */
    public void kill() throws InterruptedException {
      Process running = process;
      running.destroyForcibly();
      if (!running.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("engine-" + index + " survived SIGKILL");
      }
    }

    @Override
    public String toString() {
      return "engine-" + index + " (port " + port + ")";
    }
  }

  private Process launch(
      List<String> command,
      Map<String, String> env,
      Path log,
      String readyLine,
      CompletableFuture<Void> ready)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    started.add(process);
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader lines =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  PrintStream out =
                      new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                  out.println(line);
                  if (ready != null && line.equals(readyLine)) {
                    ready.complete(null);
                  }
                }
              } catch (IOException e) {
                // the process is gone
              } finally {
                if (ready != null) {
                  ready.completeExceptionally(new IllegalStateException("exited, see " + log));
                }
              }
            },
            "log " + log.getFileName());
    pump.setDaemon(true);
    pump.start();
    return process;
  }

  private static void awaitLine(
      CompletableFuture<Void> ready, Process process, Duration bound, Path log) throws Exception {
    try {
      ready.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("not ready within " + bound + ", see " + log);
    }
  }

  private static String searchKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static String signingKey() throws Exception {
    byte[] pkcs8 =
        KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
        + "\n-----END PRIVATE KEY-----\n";
  }

  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** {@code target/rathaus.jar}, beside the test classes. */
  static Path jar() {
    try {
      Path testClasses =
          Path.of(Cluster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path jar = testClasses.resolveSibling("rathaus.jar");
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            "No " + jar + ": the packaged engine is built in the package phase");
      }
      return jar;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code target/cluster/<name>}, beside the test classes. */
  static Path logDirectory(String name) {
    try {
      Path testClasses =
          Path.of(Cluster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return testClasses.resolveSibling("cluster").resolve(name + "-" + System.currentTimeMillis());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
