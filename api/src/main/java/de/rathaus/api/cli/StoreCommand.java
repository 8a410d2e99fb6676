package de.rathaus.api.cli;

import de.rathaus.application.shared.StandaloneStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * {@code store --port N [--data-dir DIR] [--bind ADDRESS] [--fsync]}: serves the engine's embedded
 * store on its own, for several engine instances on one store ({@code
 * RATHAUS_MONGODB_URI=mongodb://127.0.0.1:N} and {@code RATHAUS_DEMO=true}). Same durability as
 * in-process: every write is journaled before it is answered ({@code --fsync} or {@code
 * RATHAUS_EMBEDDED_FSYNC=true}: also forced to the disk). Listens on 127.0.0.1 unless {@code
 * --bind} names another address; the store has no authentication. Starts no web server and no
 * engine. Prints {@code store ready on HOST:PORT} once it accepts connections; on SIGTERM it writes
 * its journal into its file, prints {@code store stopped} and exits. Exit code 2 with one line on
 * wrong usage, a taken port or an unusable data directory.
 */
final class StoreCommand {

  static final String USAGE_LINE =
      "usage: store --port N [--data-dir DIR] [--bind ADDRESS] [--fsync]";

  private static final Pattern IP_LITERAL =
      Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private StoreCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.getenv(), out, err);
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args, env);
    } catch (Refused e) {
      err.println(e.getMessage());
      return OfflineCommands.USAGE;
    }
    Optional<StandaloneStore> store = ServiceLoader.load(StandaloneStore.class).findFirst();
    if (store.isEmpty()) {
      err.println("This build has no embedded store to serve");
      return OfflineCommands.USAGE;
    }
    StandaloneStore.Running running;
    try {
      running = store.get().serve(options.dataDir(), options.address(), options.fsync());
    } catch (StandaloneStore.CannotStart e) {
      err.println(e.getMessage());
      return OfflineCommands.USAGE;
    } catch (Exception e) { // whatever else: one line, never a stack trace
      err.println("the store could not start: " + e.getClass().getSimpleName());
      return OfflineCommands.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  out.println("store stopped");
                  out.flush();
                  stopped.countDown();
                },
                "store-shutdown"));
    if (!options.address().getAddress().isLoopbackAddress()) {
      err.println(
          "warning: the store listens on "
              + options.address().getAddress().getHostAddress()
              + " and has no authentication");
    }
    // the address asked for (0.0.0.0 stays 0.0.0.0), with the port actually bound
    out.println(
        "store ready on "
            + options.address().getAddress().getHostAddress()
            + ":"
            + running.address().getPort());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OfflineCommands.VALID;
  }

  /** The command's arguments, checked. */
  record Options(Path dataDir, InetSocketAddress address, boolean fsync) {

    static Options parse(String[] args, Map<String, String> env) {
      String port = null;
      String dataDir = env.getOrDefault("RATHAUS_DATA_DIR", "data");
      String bind = null;
      boolean fsync = "true".equalsIgnoreCase(env.get("RATHAUS_EMBEDDED_FSYNC"));
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = value(args, ++i);
          case "--data-dir" -> dataDir = value(args, ++i);
          case "--bind" -> bind = value(args, ++i);
          case "--fsync" -> fsync = true;
          default -> throw new Refused("unknown option: " + args[i] + "; " + USAGE_LINE);
        }
      }
      if (port == null) {
        throw new Refused(USAGE_LINE);
      }
      return new Options(
          writableDirectory(dataDir), new InetSocketAddress(host(bind), port(port)), fsync);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length || args[i].startsWith("--")) {
        throw new Refused("option " + args[i - 1] + " needs a value; " + USAGE_LINE);
      }
      return args[i];
    }

    private static int port(String text) {
      int port;
      try {
        port = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new Refused("not a port number: " + text + " (1 to 65535)");
      }
      if (port < 1 || port > 65535) {
        throw new Refused("not a port number: " + text + " (1 to 65535)");
      }
      return port;
    }

    /** Loopback unless asked otherwise; only an IP literal, so that no name is looked up. */
    private static InetAddress host(String bind) {
      if (bind == null) {
        return InetAddress.getLoopbackAddress();
      }
      if (!IP_LITERAL.matcher(bind).matches()) {
        throw new Refused("not an IP address: " + bind);
      }
      try {
        return InetAddress.getByName(bind);
      } catch (UnknownHostException e) {
        throw new Refused("not an IP address: " + bind);
      }
    }

    private static Path writableDirectory(String name) {
      Path dir;
      try {
        dir = Path.of(name);
      } catch (InvalidPathException e) {
        throw new Refused("not a directory name: " + name);
      }
      try {
        Files.createDirectories(dir);
      } catch (IOException | SecurityException e) {
        throw new Refused("cannot write the data directory " + dir);
      }
      if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
        throw new Refused("cannot write the data directory " + dir);
      }
      return dir;
    }
  }

  /** Arguments that cannot be used: exit code 2. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
