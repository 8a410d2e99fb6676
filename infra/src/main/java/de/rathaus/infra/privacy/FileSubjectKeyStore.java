package de.rathaus.infra.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default key store: one small file per subject in a directory of its own, named by the SHA-256
 * of the subject id (the listing shows no ids). Keys are kept out of the database on purpose: the
 * embedded server's store (H2 MVStore) keeps old pages in its file, so a key deleted from a
 * collection could still be read from the database files, while a deleted key file is gone from
 * them.
 *
 * <p>A key file is written to a temporary file, forced to disk and then linked to its name, which
 * fails if the name exists: a reader never sees half a key, and of two writers racing for the same
 * subject (threads or instances sharing the directory) one wins and the other reads the winner's
 * key. Files and the directory are readable by the owner only where the file system knows POSIX
 * permissions. Destroying overwrites the file with zeros, forces it to disk and deletes it; on
 * copy-on-write or flash storage the overwrite may not reach the old blocks, so the key directory
 * belongs on storage that is not snapshotted or backed up beyond the erasure period.
 *
 * <p>No caching here; see {@link CachingSubjectKeyStore}.
 */
public final class FileSubjectKeyStore implements SubjectKeyStore {

  private static final Logger log = LoggerFactory.getLogger(FileSubjectKeyStore.class);
  private static final String FORMAT = "rathaus-subject-key v1";
  private static final String SUFFIX = ".key";
  private static final String TOMBSTONE = ".erased";
  private static final String TOMBSTONE_FORMAT = "rathaus-subject-key-erasure v1";

  private final Path directory;
  private final SecureRandom random;
  private final Clock clock;
  private final boolean posix;

  public FileSubjectKeyStore(Path directory, SecureRandom random, Clock clock) {
    this.random = random;
    this.clock = clock;
    try {
      Path absolute = directory.toAbsolutePath();
      this.posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
      if (!Files.isDirectory(absolute)) {
        Files.createDirectories(
            absolute, posix ? permissions("rwx------") : new FileAttribute<?>[0]);
      }
      this.directory = absolute;
      removeAbandonedTemporaryFiles();
    } catch (IOException e) {
      throw new UncheckedIOException("The key directory could not be prepared", e);
    }
  }

  /** A store in the given directory, with a strong random source and the system clock. */
  public static FileSubjectKeyStore in(Path directory) {
    return new FileSubjectKeyStore(directory, new SecureRandom(), Clock.systemUTC());
  }

  /** The directory the key files are in. */
  public Path directory() {
    return directory;
  }

  /** The file that holds (or would hold) the subject's key. */
  Path fileOf(String subject) {
    return directory.resolve(hashOf(subject) + SUFFIX);
  }

  private static String hashOf(String subject) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  @Override
  public SubjectKey currentKey(String subject) {
    Optional<SubjectKey> existing = read(subject);
    if (existing.isPresent()) {
      return existing.get();
    }
    SubjectKey made = SubjectKey.generate(subject, random, clock.instant());
    Path target = fileOf(subject);
    Path temporary =
        directory.resolve("." + target.getFileName() + "." + random.nextLong() + ".tmp");
    try {
      writeDurably(temporary, encode(made));
      try {
        publish(temporary, target);
      } catch (FileAlreadyExistsException lostRace) {
        return read(subject)
            .orElseThrow(() -> new IllegalStateException("A subject key vanished while made"));
      }
      forceDirectory();
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException("A subject key could not be stored", e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  @Override
  public Optional<SubjectKey> find(String subject, String kid) {
    return read(subject).filter(key -> key.kid().equals(kid));
  }

  @Override
  public Optional<String> keyId(String subject) {
    return read(subject).map(SubjectKey::kid);
  }

  /**
   * Writes the tombstone of the key (the record that its erasure is recorded), durably, and then
   * overwrites the key's file with zeros and deletes it, if it is still the subject's key.
   */
  @Override
  public boolean destroy(String subject, String kid) {
    writeTombstone(kid == null ? anyTombstoneOf(subject) : tombstoneOf(subject, kid));
    if (kid == null || keyId(subject).filter(kid::equals).isEmpty()) {
      return false;
    }
    Path file = fileOf(subject);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long size = channel.size();
      ByteBuffer zeros = ByteBuffer.allocate((int) Math.max(size, 1));
      while (zeros.hasRemaining()) {
        channel.write(zeros, zeros.position());
      }
      channel.force(true);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("A subject key could not be overwritten", e);
    }
    try {
      boolean deleted = Files.deleteIfExists(file);
      forceDirectory();
      return deleted;
    } catch (IOException e) {
      throw new UncheckedIOException("A subject key could not be deleted", e);
    }
  }

  @Override
  public boolean erased(String subject, String kid) {
    return (SubjectKey.isKeyId(kid) && Files.exists(tombstoneOf(subject, kid)))
        || Files.exists(anyTombstoneOf(subject));
  }

  @Override
  public boolean isEmpty() {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(f -> f.getFileName().toString())
          .noneMatch(name -> name.endsWith(SUFFIX) || name.endsWith(TOMBSTONE));
    } catch (IOException e) {
      throw new UncheckedIOException("The key directory " + directory + " cannot be read", e);
    }
  }

  @Override
  public String location() {
    return "the key directory " + directory;
  }

  /** The tombstone of one key of a subject: its erasure is recorded. */
  Path tombstoneOf(String subject, String kid) {
    if (!SubjectKey.isKeyId(kid)) {
      throw new IllegalArgumentException("Not a key id");
    }
    return directory.resolve(hashOf(subject) + "." + kid + TOMBSTONE);
  }

  /** The tombstone of every key a subject had when an erasure of theirs found none. */
  private Path anyTombstoneOf(String subject) {
    return directory.resolve(hashOf(subject) + TOMBSTONE);
  }

  private void writeTombstone(Path tombstone) {
    FileAttribute<?>[] attributes = posix ? permissions("rw-------") : new FileAttribute<?>[0];
    try {
      Files.createFile(tombstone, attributes);
    } catch (FileAlreadyExistsException recordedBefore) {
      return;
    } catch (IOException e) {
      throw new UncheckedIOException("The erasure of a subject key could not be recorded", e);
    }
    try (FileChannel channel = FileChannel.open(tombstone, StandardOpenOption.WRITE)) {
      ByteBuffer content =
          ByteBuffer.wrap(
              (TOMBSTONE_FORMAT + "\nerased=" + clock.instant() + "\n")
                  .getBytes(StandardCharsets.US_ASCII));
      while (content.hasRemaining()) {
        channel.write(content);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("The erasure of a subject key could not be recorded", e);
    }
    forceDirectory();
  }

  @Override
  public boolean exists(String subject) {
    return Files.exists(fileOf(subject));
  }

  @Override
  public Optional<Instant> createdAt(String subject) {
    return read(subject).map(SubjectKey::createdAt);
  }

  private Optional<SubjectKey> read(String subject) {
    byte[] content;
    try {
      content = Files.readAllBytes(fileOf(subject));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("A subject key could not be read", e);
    }
    return decode(subject, content);
  }

  private static byte[] encode(SubjectKey key) {
    String text =
        FORMAT
            + "\nkid="
            + key.kid()
            + "\ncreated="
            + key.createdAt()
            + "\nkey="
            + Base64.getEncoder().encodeToString(key.key().getEncoded())
            + "\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Empty for a file being destroyed (zeros); a file of another shape is damaged. */
  private static Optional<SubjectKey> decode(String subject, byte[] content) {
    String text = new String(content, StandardCharsets.US_ASCII);
    if (text.isEmpty() || text.charAt(0) == '\0') {
      return Optional.empty();
    }
    String[] lines = text.split("\n");
    if (lines.length != 4
        || !lines[0].equals(FORMAT)
        || !lines[1].startsWith("kid=")
        || !lines[2].startsWith("created=")
        || !lines[3].startsWith("key=")) {
      throw new IllegalStateException("A subject key file is damaged");
    }
    try {
      return Optional.of(
          new SubjectKey(
              subject,
              lines[1].substring(4),
              SubjectKey.aes(Base64.getDecoder().decode(lines[3].substring(4))),
              Instant.parse(lines[2].substring(8))));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalStateException("A subject key file is damaged");
    }
  }

  private void writeDurably(Path file, byte[] content) throws IOException {
    FileAttribute<?>[] attributes = posix ? permissions("rw-------") : new FileAttribute<?>[0];
    Files.createFile(file, attributes);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** Gives the complete file its name; fails with FileAlreadyExistsException if it is taken. */
  private static void publish(Path temporary, Path target) throws IOException {
    try {
      Files.createLink(target, temporary);
    } catch (UnsupportedOperationException noHardLinks) {
      // Without hard links: a plain move; the existence check and the move are not one step,
      // which only matters to several instances creating the same subject's key at once.
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.getFileName().toString());
      }
      Files.move(temporary, target);
    }
  }

  /** Makes a created or deleted name durable; not every platform can open a directory. */
  private void forceDirectory() {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      log.trace("The key directory could not be forced to disk", e);
    }
  }

  private void removeAbandonedTemporaryFiles() throws IOException {
    Instant before = clock.instant().minusSeconds(600);
    try (Stream<Path> files = Files.list(directory)) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".tmp"))
          .filter(f -> modifiedBefore(f, before))
          .forEach(FileSubjectKeyStore::deleteQuietly);
    }
  }

  private static boolean modifiedBefore(Path file, Instant instant) {
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(instant);
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.debug("A temporary key file could not be deleted", e);
    }
  }

  private static FileAttribute<?>[] permissions(String permissions) {
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }
}
