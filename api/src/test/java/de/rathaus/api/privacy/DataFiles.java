package de.rathaus.api.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The privacy canaries' search of a data directory: which files hold given bytes anywhere (event
 * store, journal, read models, key store), as a person with a copy of the disk would look.
 */
public final class DataFiles {

  private DataFiles() {}

  /** The files under {@code dataDir} (relative to it) that contain {@code text} as UTF-8. */
  public static List<Path> containing(Path dataDir, String text) throws IOException {
    return containing(dataDir, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The files under {@code dataDir} (relative to it) that contain {@code needle}. */
  public static List<Path> containing(Path dataDir, byte[] needle) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              file -> {
                try {
                  if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    found.add(dataDir.relativize(file));
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
