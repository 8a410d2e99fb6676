package de.rathaus.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default database: mongo-java-server with its H2 backend, persisted in one file under
 * the data directory and listening on the loopback interface only.
 *
 * <p>The H2 store writes its file only when committed, about once a second. Every write command is
 * therefore journaled by the server before it is answered ({@link EmbeddedJournal}): whatever
 * writes (events, counters, idempotency records, tokens, read models), an acknowledged write
 * survives a killed process, and with {@code fsync} a power failure too.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
  static final String FILE_NAME = "rathaus-store.mv";

  private final FastH2Backend backend;
  private final MongoServer server;
  private final String connectionString;
  private final ScheduledExecutorService checkpoints;

  private EmbeddedMongoServer(
      Path dataDir, boolean fsync, Duration checkpointEvery, InetSocketAddress address) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory", e);
    }
    Path file = dataDir.resolve(FILE_NAME);
    // the store is committed by our checkpoints only, together with the journal number it covers
    MVStore store =
        new MVStore.Builder()
            .fileName(file.toString())
            .autoCommitDisabled()
            .autoCommitBufferSize(0)
            .open();
    EmbeddedJournal journal = new EmbeddedJournal(dataDir.resolve("journal"), fsync);
    this.backend = new FastH2Backend(store, journal, fsync);
    backend.recover();
    this.server = new MongoServer(backend);
    try {
      server.bind(address);
    } catch (Exception e) { // Netty throws a taken address's BindException undeclared
      // nothing listens: end the server's threads and let go of the file (and its lock)
      server.shutdownNow();
      backend.close();
      throw e instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("Cannot listen on " + address, e);
    }
    InetSocketAddress bound = server.getLocalAddress();
    this.connectionString =
        "mongodb://" + bound.getAddress().getHostAddress() + ":" + bound.getPort();
    this.checkpoints =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "embedded-store-checkpoint");
              thread.setDaemon(true);
              return thread;
            });
    long every = checkpointEvery.toMillis();
    checkpoints.scheduleWithFixedDelay(this::checkpoint, every, every, TimeUnit.MILLISECONDS);
    log.info("Embedded MongoDB (H2 backend) started on {}, file {}", connectionString, file);
  }

  /** Starts the embedded server on the store file in {@code dataDir}, creating it if needed. */
  public static EmbeddedMongoServer start(Path dataDir) {
    return start(dataDir, false);
  }

  /**
   * As {@link #start(Path)}; with {@code fsync} every journal write is also forced to the disk, so
   * acknowledged writes survive a power failure too, not only a killed process.
   */
  public static EmbeddedMongoServer start(Path dataDir, boolean fsync) {
    return start(dataDir, fsync, Duration.ofSeconds(1));
  }

  /**
   * As {@link #start(Path, boolean)}, listening on the given address instead of a free port of the
   * loopback interface: the standalone store ({@code rathaus.jar store}). Fails with a {@link
   * java.net.BindException} in its causes if the address is taken.
   */
  public static EmbeddedMongoServer start(Path dataDir, boolean fsync, InetSocketAddress address) {
    return new EmbeddedMongoServer(dataDir, fsync, Duration.ofSeconds(1), address);
  }

  /** As {@link #start(Path)}, committing the store at the given interval (tests). */
  static EmbeddedMongoServer start(Path dataDir, Duration checkpointEvery) {
    return start(dataDir, false, checkpointEvery);
  }

  /** As {@link #start(Path, boolean)}, committing the store at the given interval (tests). */
  static EmbeddedMongoServer start(Path dataDir, boolean fsync, Duration checkpointEvery) {
    return new EmbeddedMongoServer(
        dataDir,
        fsync,
        checkpointEvery,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  /**
   * What the event store must do to make an append durable on this server: nothing more, since the
   * server journals every write before answering it.
   */
  private void checkpoint() {
    try {
      backend.checkpoint();
    } catch (RuntimeException e) {
      log.warn("Checkpoint of the embedded store failed: {}", e.getMessage());
    }
  }

  /** The address the server listens on. */
  public InetSocketAddress address() {
    return server.getLocalAddress();
  }

  public String connectionString() {
    return connectionString;
  }

  /**
   * Writes everything the server holds in memory to its file, between two commands, and drops the
   * journal it covers; with {@code fsync} also forces it to the disk. Fails if the store is closed.
   */
  public void commit() {
    backend.checkpoint();
  }

  @Override
  public void close() {
    checkpoints.shutdown();
    try {
      if (!checkpoints.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("A checkpoint of the embedded store did not end in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // stops listening, closes the clients, ends the commands still running, then closes the
    // backend: a last checkpoint, then the store
    server.shutdownNow();
    backend.close();
  }
}
