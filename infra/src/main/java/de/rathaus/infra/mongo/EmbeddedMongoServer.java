package de.rathaus.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default database: mongo-java-server with its H2 backend, persisted in one file under
 * the data directory and listening on the loopback interface only.
 *
 * <p>The H2 store writes its file lazily (about once a second), so {@link #commit()} is called
 * after every append to make acknowledged events survive a killed process.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
  static final String FILE_NAME = "rathaus-store.mv";

  private final MVStore store;
  private final H2Backend backend;
  private final MongoServer server;
  private final String connectionString;

  private EmbeddedMongoServer(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory", e);
    }
    Path file = dataDir.resolve(FILE_NAME);
    this.store = new MVStore.Builder().fileName(file.toString()).open();
    this.backend = new H2Backend(store);
    this.server = new MongoServer(backend);
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    server.bind(address);
    InetSocketAddress bound = server.getLocalAddress();
    this.connectionString =
        "mongodb://" + bound.getAddress().getHostAddress() + ":" + bound.getPort();
    log.info("Embedded MongoDB (H2 backend) started on the loopback interface, file {}", file);
  }

  /** Starts the embedded server on the store file in {@code dataDir}, creating it if needed. */
  public static EmbeddedMongoServer start(Path dataDir) {
    return new EmbeddedMongoServer(dataDir);
  }

  public String connectionString() {
    return connectionString;
  }

  /** Writes everything the server holds in memory to its file. */
  public void commit() {
    if (!store.isClosed()) {
      store.commit();
    }
  }

  @Override
  public void close() {
    server.shutdownNow();
    if (!store.isClosed()) {
      backend.close();
    }
  }
}
