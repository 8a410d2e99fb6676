package de.rathaus.api;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.Permission;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts the packaged engine ({@code rathaus.jar}) under a {@link SecurityManager} that records
 * every outbound connection and every file write outside the data directory.
 *
 * <p>Runs as the main class of a child JVM whose class path is {@code rathaus.jar} plus this class
 * only: no JUnit, AssertJ or Spring Test, because Axon's update checker stays quiet when it finds a
 * test framework on the call stack, and we want to see what the real engine does.
 *
 * <p>Recorded, one line each on stderr:
 *
 * <ul>
 *   <li>{@code VIOLATION connect <host>:<port>} for a connection (port -1: a name lookup) to
 *       anything but the loopback interface. It is also refused with a {@link SecurityException}:
 *       the check runs before the JDK opens the connection or sends the lookup, so no packet leaves
 *       the machine.
 *   <li>{@code VIOLATION multicast <address>}: refused the same way (a multicast datagram leaves
 *       the machine without any connect check).
 *   <li>Not recorded, but refused: the JDK asking whether a socket bound to the wildcard address
 *       may reveal it (a check with port -1 that is neither a lookup nor a connection); the JDK
 *       then reports the loopback address.
 *   <li>{@code VIOLATION write <path>} for a file or directory written outside {@code
 *       RATHAUS_DATA_DIR}. Not refused, so that one run shows all of them.
 * </ul>
 *
 * Each line is followed by the stack that caused it (lines starting with a tab), to tell where it
 * came from. Everything else is allowed. Native writes of the JVM itself (hsperfdata in {@code
 * java.io.tmpdir}) never pass a security manager and are not seen.
 */
public final class RecordingLauncher {

  static final String DATA_DIR_ENV = "RATHAUS_DATA_DIR";
  static final String VIOLATION = "VIOLATION";
  static final String INSTALLED = "RECORDER installed, data directory ";
  static final String JAR_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

  private RecordingLauncher() {}

  /** Installs the recorder, then runs Spring Boot's fat-jar launcher with {@code args}. */
  public static void main(String[] args) throws Throwable {
    install(dataDirFromEnvironment());
    // By reflection: the loader is inside rathaus.jar, not on the test class path.
    try {
      Class.forName(JAR_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static Path dataDirFromEnvironment() {
    String dir = System.getenv(DATA_DIR_ENV);
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(DATA_DIR_ENV + " must name the data directory");
    }
    return Path.of(dir);
  }

  @SuppressWarnings("removal") // Java 17 still runs a security manager; nothing else sees this.
  static void install(Path dataDir) {
    Recorder recorder = new Recorder(dataDir);
    System.setSecurityManager(recorder);
    System.err.println(INSTALLED + recorder.dataDir);
  }

  /** The security manager: allows everything, records and refuses what the class doc says. */
  @SuppressWarnings("removal")
  static final class Recorder extends SecurityManager {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int STACK_LINES = 40;

    private final Path dataDir;
    private final Path realDataDir;
    private final ThreadLocal<Boolean> busy = ThreadLocal.withInitial(() -> Boolean.FALSE);

    Recorder(Path dataDir) {
      this.dataDir = dataDir.toAbsolutePath().normalize();
      Path real;
      try {
        Files.createDirectories(this.dataDir);
        real = this.dataDir.toRealPath();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot prepare the data directory", e);
      }
      this.realDataDir = real;
    }

    @Override
    public void checkPermission(Permission perm) {
      // everything else is allowed
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
      // everything else is allowed
    }

    @Override
    public void checkConnect(String host, int port) {
      if (busy.get()) {
        // a check while recording: refuse quietly rather than recurse
        throw new SecurityException("Connection to " + host + ":" + port + " refused");
      }
      if (port == -1 && isWildcard(host)) {
        // Not a lookup: the JDK asks whether a socket's bound wildcard address may be revealed
        // (ServerSocketChannel.getLocalAddress). Refused quietly, the JDK then reports the loopback
        // address; allowed, Tomcat would at shutdown wake its acceptor through one of this
        // machine's non-loopback addresses instead of through the loopback interface.
        throw new SecurityException("Wildcard address not revealed");
      }
      if (!isLoopback(host)) {
        record("connect " + host + ":" + port);
        throw new SecurityException(
            "Outbound connection to " + host + ":" + port + " refused by the test recorder");
      }
    }

    @Override
    public void checkConnect(String host, int port, Object context) {
      checkConnect(host, port);
    }

    @Override
    public void checkMulticast(InetAddress address) {
      record("multicast " + address.getHostAddress());
      throw new SecurityException("Multicast to " + address + " refused by the test recorder");
    }

    @Override
    @Deprecated
    public void checkMulticast(InetAddress address, byte ttl) {
      checkMulticast(address);
    }

    @Override
    public void checkWrite(String file) {
      if (!busy.get() && !insideDataDir(file)) {
        record("write " + absolute(file));
      }
    }

    @Override
    public void checkWrite(FileDescriptor fd) {
      // writes to already open descriptors (stdout, stderr, sockets) are not file writes
    }

    boolean insideDataDir(String file) {
      try {
        Path path = Path.of(file).toAbsolutePath().normalize();
        return path.startsWith(dataDir) || path.startsWith(realDataDir);
      } catch (InvalidPathException e) {
        return false;
      }
    }

    private static String absolute(String file) {
      try {
        return Path.of(file).toAbsolutePath().normalize().toString();
      } catch (InvalidPathException e) {
        return file;
      }
    }

    /**
     * Whether {@code host} is the loopback interface, decided from the text alone: resolving a name
     * here would itself be a lookup (and a recursive check).
     */
    static boolean isLoopback(String host) {
      if (host == null || host.isEmpty()) {
        return false;
      }
      String h =
          host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      if (h.equalsIgnoreCase("localhost")) {
        return true;
      }
      if (IPV4.matcher(h).matches()) {
        return h.startsWith("127.");
      }
      char first = h.charAt(0);
      if (h.indexOf(':') >= 0 && (first == ':' || Character.digit(first, 16) >= 0)) {
        // an IPv6 literal: the JDK parses it (or rejects it) without any lookup
        try {
          return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException | RuntimeException e) {
          return false;
        }
      }
      return false;
    }

    /** The wildcard address ({@code 0.0.0.0}, {@code ::}) as the JDK writes it. */
    static boolean isWildcard(String host) {
      return "0.0.0.0".equals(host) || "0:0:0:0:0:0:0:0".equals(host) || "::".equals(host);
    }

    private void record(String what) {
      busy.set(Boolean.TRUE);
      try {
        List<String> stack =
            StackWalker.getInstance()
                .walk(
                    frames ->
                        frames
                            .dropWhile(f -> f.getClassName().startsWith(Recorder.class.getName()))
                            .limit(STACK_LINES)
                            .map(f -> "\tat " + f)
                            .collect(Collectors.toList()));
        StringBuilder line = new StringBuilder(VIOLATION).append(' ').append(what);
        line.append(" [thread ").append(Thread.currentThread().getName()).append(']');
        stack.forEach(s -> line.append(System.lineSeparator()).append(s));
        System.err.println(line);
      } finally {
        busy.set(Boolean.FALSE);
      }
    }
  }

  /**
   * Proves the recorder in a child JVM of its own (a security manager cannot be uninstalled from
   * the test JVM): writes inside and outside the data directory, connects to the loopback
   * interface, asks a wildcard-bound socket for its address, then tries a connection to
   * 192.0.2.1:80 (TEST-NET-1) and a name lookup, both of which must be refused. Before each real
   * attempt the recorder is asked directly; if it would allow the attempt, the probe stops without
   * making it, so no packet leaves even with a broken recorder.
   *
   * <p>Argument: a file outside the data directory to write.
   */
  static final class Probe {

    static final String REFUSED_HOST = "192.0.2.1";
    static final int REFUSED_PORT = 80;
    static final String REFUSED_NAME = "rathaus-probe.invalid";

    public static void main(String[] args) throws Exception {
      Path outside = Path.of(args[0]);
      Path dataDir = dataDirFromEnvironment();
      install(dataDir);
      @SuppressWarnings("removal")
      SecurityManager recorder = System.getSecurityManager();

      Files.writeString(dataDir.resolve("inside.txt"), "inside");
      Files.writeString(outside, "outside");
      System.err.println("PROBE wrote both files");

      try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
          Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        System.err.println("PROBE loopback connected: " + client.isConnected());
      }
      try (ServerSocketChannel wildcard = ServerSocketChannel.open()) {
        wildcard.bind(new InetSocketAddress(0), 1);
        InetSocketAddress revealed = (InetSocketAddress) wildcard.getLocalAddress();
        System.err.println(
            "PROBE wildcard revealed as loopback: " + revealed.getAddress().isLoopbackAddress());
      }

      if (!refusedByRecorder(() -> recorder.checkConnect(REFUSED_HOST, REFUSED_PORT))) {
        System.err.println("PROBE recorder allows " + REFUSED_HOST + ", not connecting");
        System.exit(3);
      }
      try (Socket socket = new Socket(REFUSED_HOST, REFUSED_PORT)) {
        System.err.println("PROBE socket connected: " + socket.isConnected());
        System.exit(4);
      } catch (SecurityException e) {
        System.err.println("PROBE socket refused: " + e.getMessage());
      }

      if (!refusedByRecorder(() -> recorder.checkConnect(REFUSED_NAME, -1))) {
        System.err.println("PROBE recorder allows looking up " + REFUSED_NAME + ", not resolving");
        System.exit(5);
      }
      try {
        InetAddress.getByName(REFUSED_NAME);
        System.err.println("PROBE lookup answered");
        System.exit(6);
      } catch (SecurityException e) {
        System.err.println("PROBE lookup refused: " + e.getMessage());
      }
      System.err.println("PROBE done");
    }

    private static boolean refusedByRecorder(Runnable check) {
      try {
        check.run();
        return false;
      } catch (SecurityException expected) {
        return true;
      }
    }
  }

  // ----- used by the tests (in the test JVM) to start a child JVM -----

  /** The {@code java} of the running JVM. */
  static Path javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * Copies this class and its nested classes into {@code dir} and returns it: a class path with the
   * recorder and nothing else of the test classes (no test resources, no test configuration the
   * engine's component scan or config loading could pick up).
   */
  static Path isolatedClassPath(Path dir) throws IOException {
    Path testClasses;
    try {
      testClasses =
          Path.of(
              RecordingLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String packagePath = RecordingLauncher.class.getPackageName().replace('.', '/');
    Path source = testClasses.resolve(packagePath);
    Path target = Files.createDirectories(dir.resolve(packagePath));
    String prefix = RecordingLauncher.class.getSimpleName();
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class")
            && (name.equals(prefix + ".class") || name.startsWith(prefix + "$"))) {
          Files.copy(file, target.resolve(name));
        }
      }
    }
    return dir;
  }

  /**
   * A child JVM running {@code mainClass} from {@code classPath} with {@code RATHAUS_DATA_DIR} set
   * to {@code dataDir}, stdout and stderr going to {@code output}, and none of the parent's
   * environment variables that could configure the engine (so a disabled update checker in the
   * developer's shell cannot make the test pass).
   */
  static ProcessBuilder childJvm(
      String classPath, String mainClass, Path dataDir, Path output, String... args) {
    List<String> command =
        Stream.concat(
                Stream.of(
                    javaExecutable().toString(),
                    // Java 17 allows System.setSecurityManager by default; later versions need this
                    "-Djava.security.manager=allow",
                    "-Xmx512m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    classPath,
                    mainClass),
                Stream.of(args))
            .collect(Collectors.toList());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            name -> {
              String upper = name.toUpperCase(java.util.Locale.ROOT);
              return upper.startsWith("RATHAUS_")
                  || upper.startsWith("SPRING_")
                  || upper.startsWith("SERVER_")
                  || upper.startsWith("MANAGEMENT_")
                  || upper.startsWith("LOGGING_")
                  || upper.startsWith("AXON")
                  || upper.equals("JAVA_TOOL_OPTIONS")
                  || upper.equals("JDK_JAVA_OPTIONS")
                  || upper.equals("_JAVA_OPTIONS");
            });
    env.put(DATA_DIR_ENV, dataDir.toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(output.toFile());
    return builder;
  }
}
