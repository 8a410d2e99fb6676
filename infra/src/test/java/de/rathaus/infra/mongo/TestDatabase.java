package de.rathaus.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database a store contract test runs on: the embedded server on the test's temporary
 * directory, or, under the {@code external-store} Maven profile, the MongoDB that {@code
 * RATHAUS_TEST_MONGODB_URI} names (a city's replica set before it goes live, or the standalone
 * store). On an external MongoDB every test gets a database of its own, named {@code rt_…}, which
 * {@link #close()} drops; its clients write and read as the engine does there (majority with
 * journal and a bounded {@code wtimeout}, majority reads).
 */
public final class TestDatabase implements AutoCloseable {

  /** The system property the {@code external-store} profile sets from the environment variable. */
  public static final String PROPERTY = "rathaus.test.mongodb.uri";

  /** The environment variable a city sets for its pre-go-live check. */
  public static final String VARIABLE = "RATHAUS_TEST_MONGODB_URI";

  /** The event store's default lease: the engine's {@code wtimeout} is half of it. */
  private static final Duration LEASE = Duration.ofSeconds(10);

  private static final AtomicLong databases = new AtomicLong();

  private final Path dataDir;
  private final EmbeddedMongoServer server;
  private final String connectionString;
  private final String name;
  private final List<MongoClient> clients = new ArrayList<>();
  private final MongoClient client;
  private boolean keep;

  private TestDatabase(Path dataDir, EmbeddedMongoServer server, String uri, String name) {
    this.dataDir = dataDir;
    this.server = server;
    this.connectionString = uri;
    this.name = name;
    this.client = newClient();
  }

  /** The embedded server on {@code dataDir}, database {@code rathaus}; or a fresh external one. */
  public static TestDatabase open(Path dataDir) {
    Optional<String> external = externalUri();
    if (external.isPresent()) {
      return new TestDatabase(dataDir, null, external.get(), freshName());
    }
    EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
    return new TestDatabase(dataDir, server, server.connectionString(), "rathaus");
  }

  /** Whether the store contract tests run against an external MongoDB. */
  public static boolean external() {
    return externalUri().isPresent();
  }

  /**
   * The external MongoDB's URI, if the tests are to run on one. A profile whose variable was not
   * set leaves the property as the unresolved {@code ${env.…}}: that fails at once, clearly.
   */
  public static Optional<String> externalUri() {
    String uri = System.getProperty(PROPERTY);
    if (uri == null || uri.isBlank()) {
      return Optional.empty();
    }
    if (uri.startsWith("${")) {
      throw new IllegalStateException(
          "The external-store profile runs the store contract tests against the MongoDB named by "
              + VARIABLE
              + ", and it is not set: RATHAUS_TEST_MONGODB_URI=mongodb://… ./mvnw -pl infra -am"
              + " verify -Pexternal-store");
    }
    return Optional.of(uri);
  }

  /** A database name no other test run uses (and that a {@code rt_*} clean-up can find). */
  public static String freshName() {
    return "rt_"
        + Long.toString(System.currentTimeMillis(), 36)
        + "_"
        + ProcessHandle.current().pid()
        + "_"
        + databases.incrementAndGet();
  }

  /** Drops a database of the external MongoDB that a test made through the engine's wiring. */
  public static void drop(String database) {
    Optional<String> uri = externalUri();
    if (uri.isPresent()) {
      try (MongoClient client = MongoClients.create(settings(uri.get()))) {
        client.getDatabase(database).drop();
      }
    }
  }

  /**
   * What the engine, started through its auto-configuration, is given to use this database ({@code
   * rathaus.mongodb.uri} and {@code rathaus.mongodb.database}); nothing on the embedded server,
   * which the engine then starts on its data directory itself.
   */
  public static List<String> engineProperties(String database) {
    return externalUri()
        .map(uri -> List.of("rathaus.mongodb.uri=" + uri, "rathaus.mongodb.database=" + database))
        .orElse(List.of());
  }

  private static MongoClientSettings settings(String uri) {
    ConnectionString parsed = new ConnectionString(uri);
    return MongoClientSettings.builder()
        .applyConnectionString(parsed)
        .writeConcern(MongoStorageAutoConfiguration.boundedMajority(parsed, LEASE))
        .readConcern(ReadConcern.MAJORITY)
        .applicationName("rathaus-contract-tests")
        .build();
  }

  /** Another client on the same server, as a second engine instance has. */
  public MongoClient newClient() {
    MongoClient created =
        server == null
            ? MongoClients.create(settings(connectionString))
            : MongoClients.create(connectionString);
    clients.add(created);
    return created;
  }

  public MongoClient client() {
    return client;
  }

  public MongoDatabase database() {
    return client.getDatabase(name);
  }

  /** Another database of the same server, dropped with this one. */
  public MongoDatabase database(String other) {
    return client.getDatabase(server == null ? name + "_" + other : other);
  }

  public String name() {
    return name;
  }

  public boolean isExternal() {
    return server == null;
  }

  /**
   * The same data after a restart: the embedded server stopped and started again on its directory,
   * or new clients on the same external database.
   */
  public TestDatabase restart() {
    keep = true;
    close();
    if (server == null) {
      return new TestDatabase(dataDir, null, connectionString, name);
    }
    EmbeddedMongoServer again = EmbeddedMongoServer.start(dataDir);
    return new TestDatabase(dataDir, again, again.connectionString(), name);
  }

  @Override
  public void close() {
    try {
      if (server == null && !keep) {
        client.getDatabase(name).drop();
        for (String other : client.listDatabaseNames()) {
          if (other.startsWith(name + "_")) {
            client.getDatabase(other).drop();
          }
        }
      }
    } finally {
      clients.forEach(MongoClient::close);
      if (server != null) {
        server.close();
      }
    }
  }

  @Override
  public String toString() {
    return (server == null ? "external MongoDB, database " : "embedded server, database ") + name;
  }
}
