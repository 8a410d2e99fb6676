package de.rathaus.infra.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the engine checks before it starts with a key store, so that it never reads personal data
 * with keys that are not the ones it was written with (which would make every value unreadable) and
 * never makes new keys in their place:
 *
 * <ul>
 *   <li>the key directory can be read (exists where expected, is a directory, can be listed);
 *   <li>it belongs to this database: its file {@value #ID_FILE} holds the id the database's marker
 *       holds ({@link StoreMarker}); a directory without one is given it;
 *   <li>it is not empty (no key and no tombstone) while the read model {@code privacy_subjects}
 *       knows citizens who hold personal data; a missing directory counts as empty, and is made
 *       only when no citizen holds data.
 * </ul>
 *
 * Every refusal names the key directory (or collection) and says what to do.
 */
final class KeyStoreChecks {

  /** The file in a key directory that names the key store. */
  static final String ID_FILE = "keystore.id";

  private KeyStoreChecks() {}

  /** The id written in a key directory, if it has one. */
  static Optional<String> idOf(Path directory) {
    Path file = directory.resolve(ID_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw unreadable(directory, e);
    }
  }

  /**
   * Checks a key directory before the store is opened on it.
   *
   * @param keyStore the id of the key store the database's data was written with
   * @param holdingData how many citizens hold personal data (from the read model)
   */
  static void checkDirectory(Path directory, String keyStore, long holdingData) {
    if (!Files.exists(directory)) {
      if (holdingData > 0) {
        throw new IllegalStateException(
            "The key directory "
                + directory
                + " does not exist, while "
                + holdingData
                + " citizens hold personal data encrypted with keys from it. "
                + WHAT_TO_DO);
      }
      return;
    }
    if (!Files.isDirectory(directory)) {
      throw unreadable(directory, null);
    }
    boolean hasKeysOrTombstones;
    try (Stream<Path> files = Files.list(directory)) {
      hasKeysOrTombstones =
          files
              .map(f -> f.getFileName().toString())
              .anyMatch(name -> name.endsWith(".key") || name.endsWith(".erased"));
    } catch (IOException | SecurityException e) {
      throw unreadable(directory, e);
    }
    Optional<String> id = idOf(directory);
    if (id.isPresent() && !id.get().equals(keyStore)) {
      throw new IllegalStateException(
          "The key directory "
              + directory
              + " belongs to another engine (its key store is "
              + id.get()
              + ", this database's is "
              + keyStore
              + "). "
              + WHAT_TO_DO);
    }
    if (!hasKeysOrTombstones && holdingData > 0) {
      throw empty("The key directory " + directory, holdingData, WHAT_TO_DO);
    }
  }

  /** Gives a key directory the database's key store id, if it has none yet. */
  static void mark(Path directory, String keyStore) {
    if (idOf(directory).isPresent()) {
      return;
    }
    try {
      Files.writeString(directory.resolve(ID_FILE), keyStore + "\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw unreadable(directory, e);
    }
  }

  /** Checks an opened store (the MongoDB one): not empty while citizens hold data. */
  static void checkStore(SubjectKeyStore store, long holdingData) {
    if (holdingData > 0 && store.isEmpty()) {
      throw empty(
          Character.toUpperCase(store.location().charAt(0)) + store.location().substring(1),
          holdingData,
          "Restore it from the backup the data was written with. The engine does not start"
              + " with new keys: the data would stay unreadable.");
    }
  }

  private static final String WHAT_TO_DO =
      "Mount or restore the key directory the data was written with, or point"
          + " RATHAUS_PRIVACY_KEYDIR to it. The engine does not start with other keys: their data"
          + " would be unreadable, and keys made now could never read it.";

  private static IllegalStateException empty(String where, long holdingData, String whatToDo) {
    return new IllegalStateException(
        where
            + " holds no keys, while "
            + holdingData
            + " citizens hold personal data encrypted with keys from it (read model"
            + " privacy_subjects). "
            + whatToDo);
  }

  private static IllegalStateException unreadable(Path directory, Exception cause) {
    return new IllegalStateException(
        "The key directory "
            + directory
            + " cannot be read"
            + (Files.exists(directory) && !Files.isDirectory(directory)
                ? " (it is no directory)"
                : "")
            + ": the engine does not start without its keys. "
            + WHAT_TO_DO,
        cause);
  }
}
