package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container image Jib builds ({@code -Pimage}) runs the engine as the city expects to run it:
 * as the unprivileged user 10001 (never root), with Java 17, on port 8080, under the production
 * profile, with its data directory on a volume that user owns. Read from the image archive itself
 * ({@code manifest.json} → its config, and the layers' files), as {@code docker load} would see it.
 *
 * <p>Skipped when the archive has not been built (CI does not build it: it needs root for the base
 * image); {@link #BUILD} says how.
 */
class ContainerImageTest {

  static final Path IMAGE = Path.of("target", "rathaus-image.tar");

  static final String BUILD =
      "sudo deploy/image/build-base.sh, then ./mvnw -o -Pimage -pl api -am package -DskipTests";

  static final String DATA_DIR = "/var/lib/rathaus";

  private static JsonNode config;
  private static Map<String, TarEntry> files;
  private static Map<String, String> texts;

  @BeforeEach
  void imageBuilt() {
    // per test rather than once for the class: Surefire reports each skipped test with this message
    assumeTrue(
        config != null, () -> "No image at api/" + IMAGE + " (not built); build it with: " + BUILD);
  }

  @BeforeAll
  static void readImage() throws IOException {
    if (!Files.isRegularFile(IMAGE)) {
      return;
    }
    // Jib writes manifest.json after the layers: a first pass for it and the config, a second one
    // through the layers, each read as a stream
    Map<String, byte[]> documents = new HashMap<>();
    try (InputStream in = Files.newInputStream(IMAGE)) {
      Tar.read(
          in,
          e -> e.name().endsWith(".json"),
          (entry, content) -> documents.put(entry.name(), content));
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(documents.get("manifest.json")).get(0);
    config = json.readTree(documents.get(manifest.path("Config").asText()));
    List<String> layers = strings(manifest.path("Layers"));
    Map<String, Map<String, TarEntry>> layerFiles = new HashMap<>();
    Map<String, Map<String, String>> layerTexts = new HashMap<>();
    try (InputStream in = Files.newInputStream(IMAGE)) {
      Tar.readStreams(
          in,
          layers::contains,
          (layer, stream) -> {
            Map<String, TarEntry> entries = new HashMap<>();
            Map<String, String> contents = new HashMap<>();
            InputStream buffered = new BufferedInputStream(stream, 1 << 16);
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            Tar.read(
                gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered,
                ContainerImageTest::wantedText,
                (entry, content) -> {
                  entries.put(entry.name(), entry);
                  if (content != null) {
                    contents.put(entry.name(), new String(content, StandardCharsets.UTF_8));
                  }
                });
            layerFiles.put(layer, entries);
            layerTexts.put(layer, contents);
          });
    }
    // the layers in the manifest's order: a later one's file replaces an earlier one's
    files = new HashMap<>();
    texts = new HashMap<>();
    for (String layer : layers) {
      files.putAll(layerFiles.get(layer));
      texts.putAll(layerTexts.get(layer));
    }
  }

  @Test
  void runsAsTheUnprivilegedUserOfTheBaseImageNeverRoot() {
    String user = config.path("config").path("User").asText();
    String uid = user.split(":")[0];

    assertThat(uid).isNotEmpty().isNotEqualTo("0").isNotEqualTo("root").isEqualTo("10001");
    assertThat(user).isEqualTo("10001:10001");
    assertThat(texts.get("etc/passwd").lines())
        .as("the image's /etc/passwd")
        .contains("rathaus:x:10001:10001::/nonexistent:/usr/sbin/nologin");
    assertThat(texts.get("etc/group").lines()).contains("rathaus:x:10001:");
  }

  @Test
  void theEntrypointRunsTheEngineWithJava17() {
    List<String> entrypoint = strings(config.path("config").path("Entrypoint"));
    Map<String, String> env = environment();

    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo(RathausApplication.class.getName());
    assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
    // `java` on the PATH is Debian's alternative, which points into the Java 17 runtime
    String javaHome = env.get("JAVA_HOME");
    assertThat(javaHome).isEqualTo("/usr/lib/jvm/java-17-openjdk-amd64");
    assertThat(files.get("usr/bin/java").link()).isEqualTo("/etc/alternatives/java");
    assertThat(files.get("etc/alternatives/java").link()).isEqualTo(javaHome + "/bin/java");
    assertThat(files).containsKey(javaHome.substring(1) + "/bin/java");
    assertThat(texts.get(javaHome.substring(1) + "/release")).contains("JAVA_VERSION=\"17.");
    // the class path names the engine's classes and libraries, and they are in the image
    String classPath = texts.get("app/jib-classpath-file").strip();
    assertThat(entrypoint).containsSequence("-cp", "@/app/jib-classpath-file");
    assertThat(classPath.split(":")).contains("/app/classes", "/app/resources");
    assertThat(files).containsKey("app/classes/de/rathaus/api/RathausApplication.class");
    assertThat(classPath.split(":"))
        .filteredOn(p -> p.startsWith("/app/libs/"))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(files).containsKey(p.substring(1)));
  }

  @Test
  void exposesThePortTheEngineListensOn() {
    assertThat(config.path("config").path("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(environment()).containsEntry("SERVER_PORT", "8080");
  }

  @Test
  void keepsTheDataDirectoryOnAVolumeItsUserOwns() {
    assertThat(config.path("config").path("Volumes").has(DATA_DIR)).isTrue();
    assertThat(environment()).containsEntry("RATHAUS_DATA_DIR", DATA_DIR);
    assertThat(config.path("config").path("WorkingDir").asText()).isEqualTo(DATA_DIR);
    TarEntry dataDir = files.get(DATA_DIR.substring(1));
    assertThat(dataDir.directory()).isTrue();
    assertThat(dataDir.uid()).isEqualTo(10001);
    assertThat(dataDir.gid()).isEqualTo(10001);
  }

  @Test
  void runsUnderTheProductionProfileWithoutDemoMode() {
    assertThat(environment())
        .containsEntry("SPRING_PROFILES_ACTIVE", "production")
        .doesNotContainKey("RATHAUS_DEMO");
  }

  @Test
  void theBaseImageCarriesNoPackageListsDocsOrDeviceNodes() {
    assertThat(files.keySet())
        .noneMatch(name -> name.startsWith("var/lib/apt/lists/") && !name.endsWith("/lock"))
        .noneMatch(name -> name.startsWith("usr/share/man/") && files.get(name).type() != '5')
        .noneMatch(name -> name.startsWith("dev/"));
    assertThat(files.values()).noneMatch(e -> e.type() == '3' || e.type() == '4');
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    for (String pair : strings(config.path("config").path("Env"))) {
      int eq = pair.indexOf('=');
      env.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return env;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static boolean wantedText(TarEntry entry) {
    String name = entry.name();
    return name.equals("etc/passwd")
        || name.equals("etc/group")
        || name.equals("app/jib-classpath-file")
        || name.matches("usr/lib/jvm/[^/]+/release");
  }

  /**
   * One entry of a tar archive: its path without a leading {@code ./} or {@code /} and without a
   * directory's trailing slash.
   */
  record TarEntry(String name, char type, int uid, int gid, String link) {
    boolean directory() {
      return type == '5';
    }
  }

  /**
   * Just enough of a tar reader for image archives (ustar, with PAX or GNU long names): no library
   * of the build reads tar.
   */
  private static final class Tar {

    interface Visitor {
      void visit(TarEntry entry, byte[] content) throws IOException;
    }

    interface StreamVisitor {
      void visit(String name, InputStream content) throws IOException;
    }

    /** Hands every wanted entry's content, the regular files' ones, to the visitor. */
    static void read(InputStream in, Predicate<TarEntry> wanted, Visitor visitor)
        throws IOException {
      walk(
          in,
          (entry, size) -> {
            boolean file = entry.type() == '0' || entry.type() == '\0';
            byte[] content = file && wanted.test(entry) ? in.readNBytes((int) size) : null;
            if (content == null) {
              in.skipNBytes(size);
            }
            visitor.visit(entry, content);
          });
    }

    /** Hands the named entries' contents to the visitor as streams, in the archive's order. */
    static void readStreams(InputStream in, Predicate<String> wanted, StreamVisitor visitor)
        throws IOException {
      walk(
          in,
          (entry, size) -> {
            if (wanted.test(entry.name())) {
              InputStream content = new BoundedStream(in, size);
              visitor.visit(entry.name(), content);
              content.transferTo(OutputStream.nullOutputStream());
            } else {
              in.skipNBytes(size);
            }
          });
    }

    private interface EntryHandler {
      /** Consumes exactly {@code size} bytes of the entry's content. */
      void handle(TarEntry entry, long size) throws IOException;
    }

    private static void walk(InputStream in, EntryHandler handler) throws IOException {
      byte[] header = new byte[512];
      Map<String, String> pax = new HashMap<>();
      String longName = null;
      String longLink = null;
      while (in.readNBytes(header, 0, 512) == 512 && !allZero(header)) {
        long size = number(header, 124, 12);
        char type = (char) header[156];
        if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
          String data = new String(in.readNBytes((int) size), StandardCharsets.UTF_8);
          skipPadding(in, size);
          switch (type) {
            case 'x' -> pax.putAll(paxRecords(data));
            case 'L' -> longName = data.replaceAll("\0+$", "");
            case 'K' -> longLink = data.replaceAll("\0+$", "");
            default -> {}
          }
          continue;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        if (text(header, 257, 5).equals("ustar") && !prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        name = pax.getOrDefault("path", longName != null ? longName : name);
        String link =
            pax.getOrDefault("linkpath", longLink != null ? longLink : text(header, 157, 100));
        int uid = Integer.parseInt(pax.getOrDefault("uid", Long.toString(number(header, 108, 8))));
        int gid = Integer.parseInt(pax.getOrDefault("gid", Long.toString(number(header, 116, 8))));
        size = Long.parseLong(pax.getOrDefault("size", Long.toString(size)));
        pax.clear();
        longName = null;
        longLink = null;
        while (name.startsWith("./") || name.startsWith("/")) {
          name = name.substring(name.indexOf('/') + 1);
        }
        if (name.endsWith("/")) {
          name = name.substring(0, name.length() - 1);
        }
        handler.handle(new TarEntry(name, type, uid, gid, link), size);
        skipPadding(in, size);
      }
    }

    private static Map<String, String> paxRecords(String data) {
      Map<String, String> records = new HashMap<>();
      byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
      int at = 0;
      while (at < bytes.length && bytes[at] != 0) {
        int space = at;
        while (bytes[space] != ' ') {
          space++;
        }
        int length = Integer.parseInt(new String(bytes, at, space - at, StandardCharsets.US_ASCII));
        String record =
            new String(bytes, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
        int eq = record.indexOf('=');
        records.put(record.substring(0, eq), record.substring(eq + 1));
        at += length;
      }
      return records;
    }

    private static String text(byte[] header, int offset, int length) {
      int end = offset;
      while (end < offset + length && header[end] != 0) {
        end++;
      }
      return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long number(byte[] header, int offset, int length) {
      if ((header[offset] & 0x80) != 0) {
        long value = 0;
        for (int i = offset + 1; i < offset + length; i++) {
          value = value << 8 | (header[i] & 0xff);
        }
        return value;
      }
      String octal = text(header, offset, length).trim();
      return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
    }

    private static boolean allZero(byte[] block) {
      for (byte b : block) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
      in.skipNBytes((512 - size % 512) % 512);
    }
  }

  /** The next {@code size} bytes of a stream, leaving the stream itself open. */
  private static final class BoundedStream extends FilterInputStream {
    private long left;

    BoundedStream(InputStream in, long size) {
      super(in);
      this.left = size;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int read = in.read(buffer, offset, (int) Math.min(length, left));
      if (read > 0) {
        left -= read;
      }
      return read;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(Math.min(n, left));
      left -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), left);
    }

    @Override
    public void close() {
      // the archive's stream stays open for the next entry
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
