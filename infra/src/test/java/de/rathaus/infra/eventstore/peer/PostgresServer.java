package de.rathaus.infra.eventstore.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the machine's own installation (Debian's {@code postgresql} package), made
 * by {@code initdb} in a temporary directory and listening on 127.0.0.1 on a free port, with every
 * setting left at its default: {@code fsync} on, {@code synchronous_commit} on, so every commit
 * waits for its WAL flush. For the event store benchmark's peer figures, not for tests.
 *
 * <p>PostgreSQL refuses to run as root: as root the server's programs run as the {@code postgres}
 * user (through {@code runuser}), and the directory is that user's.
 */
public final class PostgresServer implements AutoCloseable {

  private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

  private final Path bin;
  private final Path dir;
  private final Path data;
  private final int port;
  private final Thread stopAtExit;
  private boolean stopped;

  private PostgresServer(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
    this.stopAtExit = new Thread(this::stop, "postgres-stop");
  }

  /**
   * The {@code bin} directory of the newest installed PostgreSQL ({@code
   * /usr/lib/postgresql/VERSION/bin} with an {@code initdb}), if there is one.
   */
  public static Optional<Path> installation() {
    if (!Files.isDirectory(INSTALLATIONS)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .max(Comparator.comparingInt(PostgresServer::majorVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A new cluster in a temporary directory, started and accepting connections. */
  public static PostgresServer start(Path bin) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("rathaus-bench-postgres");
    PostgresServer server = new PostgresServer(bin, dir, freePort());
    Runtime.getRuntime().addShutdownHook(server.stopAtExit);
    try {
      if (asRoot()) {
        UserPrincipal postgres =
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
      }
      server.run(
          List.of(
              bin.resolve("initdb").toString(),
              "--pgdata=" + server.data,
              "--username=postgres",
              "--auth=trust",
              "--encoding=UTF8",
              "--locale=C"));
      server.run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "--pgdata=" + server.data,
              "--log=" + dir.resolve("postgres.log"),
              "--wait",
              "--options=-c listen_addresses=127.0.0.1 -p "
                  + server.port
                  + " -c unix_socket_directories="
                  + dir,
              "start"));
      return server;
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Runs one of the server's programs (as {@code postgres} when this is root), to its end. */
  private void run(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Path output = Files.createTempFile("rathaus-bench-postgres", ".out");
    try {
      Process process =
          new ProcessBuilder(full)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", full) + " did not end in 120 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", full)
                + " failed ("
                + process.exitValue()
                + "): "
                + Files.readString(output));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public String user() {
    return "postgres";
  }

  /** The server's version and the settings that decide what a commit waits for. */
  public String describe() throws SQLException {
    StringBuilder description = new StringBuilder();
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), "");
        Statement statement = connection.createStatement()) {
      for (String setting :
          List.of(
              "server_version",
              "fsync",
              "synchronous_commit",
              "wal_sync_method",
              "full_page_writes",
              "shared_buffers")) {
        try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
          result.next();
          if (description.length() > 0) {
            description.append(", ");
          }
          description.append(setting).append('=').append(result.getString(1));
        }
      }
    }
    return description + ", port " + port + ", data " + data;
  }

  /** Stops the server (fast shutdown) and deletes its directory. */
  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        run(
            List.of(
                bin.resolve("pg_ctl").toString(),
                "--pgdata=" + data,
                "--mode=fast",
                "--wait",
                "stop"));
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("could not stop PostgreSQL in " + dir + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    delete(dir);
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(PostgresServer::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // left behind in the temporary directory
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and runs the hook
    }
  }
}
