package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import de.rathaus.infra.Concurrently;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default key store: one file per subject. */
class FileSubjectKeysTest {

  @TempDir Path dir;

  private List<Path> files() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void makesOneKeyPerSubjectOnFirstUseAndKeepsIt() throws Exception {
    FileSubjectKeyStore store = FileSubjectKeyStore.in(dir);
    assertThat(store.exists("citizen-1")).isFalse();
    assertThat(store.createdAt("citizen-1")).isEmpty();

    SubjectKey key = store.currentKey("citizen-1");

    assertThat(store.currentKey("citizen-1")).isEqualTo(key);
    assertThat(FileSubjectKeyStore.in(dir).currentKey("citizen-1")).isEqualTo(key);
    assertThat(store.find("citizen-1", key.kid())).contains(key);
    assertThat(store.find("citizen-1", "other")).isEmpty();
    assertThat(store.exists("citizen-1")).isTrue();
    assertThat(store.createdAt("citizen-1")).contains(key.createdAt());
    assertThat(key.createdAt()).isBeforeOrEqualTo(Instant.now());
    assertThat(key.key().getEncoded()).hasSize(32);
    assertThat(store.currentKey("citizen-2").kid()).isNotEqualTo(key.kid());
    assertThat(files()).hasSize(2);
  }

  @Test
  void namesTheFileByTheHashOfTheSubjectAndShowsNeitherIdNorKeyElsewhere() throws Exception {
    FileSubjectKeyStore store = FileSubjectKeyStore.in(dir);
    SubjectKey key = store.currentKey("citizen-anna");

    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest("citizen-anna".getBytes(StandardCharsets.UTF_8)));
    assertThat(files()).containsExactly(dir.resolve(hash + ".key"));
    assertThat(Files.readString(dir.resolve(hash + ".key"))).doesNotContain("citizen-anna");
    assertThat(key.toString()).contains(key.kid()).doesNotContain("SecretKeySpec");
    assertThat(key.toString())
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(key.key().getEncoded()));
  }

  @Test
  void keyFilesAreForTheOwnerOnly() throws Exception {
    assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
    FileSubjectKeyStore store = FileSubjectKeyStore.in(dir.resolve("keys"));
    store.currentKey("citizen-1");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))))
        .isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(dir.resolve("keys"))) {
      assertThat(files.toList())
          .singleElement()
          .satisfies(
              f ->
                  assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                      .isEqualTo("rw-------"));
    }
  }

  @Test
  void writersRacingForTheSameSubjectAllGetTheWinnersKey() throws Exception {
    FileSubjectKeyStore one = FileSubjectKeyStore.in(dir);
    FileSubjectKeyStore other = FileSubjectKeyStore.in(dir); // as another instance would
    for (int round = 0; round < 20; round++) {
      String subject = "citizen-race-" + round;
      List<Callable<SubjectKey>> writers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        FileSubjectKeyStore store = i % 2 == 0 ? one : other;
        writers.add(() -> store.currentKey(subject));
      }
      Set<String> kids = new HashSet<>();
      Concurrently.run(8, writers).forEach(key -> kids.add(key.kid()));
      assertThat(kids).hasSize(1);
      assertThat(one.currentKey(subject).kid()).isEqualTo(kids.iterator().next());
    }
    assertThat(files()).hasSize(20).allSatisfy(f -> assertThat(f.toString()).endsWith(".key"));
  }

  @Test
  void destroyRemovesTheFileAndALaterKeyIsANewOne() throws Exception {
    FileSubjectKeyStore store = FileSubjectKeyStore.in(dir);
    SubjectKey key = store.currentKey("citizen-1");
    store.currentKey("citizen-2");

    assertThat(store.destroy("citizen-1")).isTrue();

    assertThat(files()).hasSize(2); // citizen-2's key and citizen-1's tombstone
    assertThat(store.exists("citizen-1")).isFalse();
    assertThat(store.createdAt("citizen-1")).isEmpty();
    assertThat(store.find("citizen-1", key.kid())).isEmpty();
    assertThat(store.destroy("citizen-1")).isFalse();
    assertThat(store.exists("citizen-2")).isTrue();
    SubjectKey next = store.currentKey("citizen-1");
    assertThat(next.kid()).isNotEqualTo(key.kid());
    assertThat(next.key().getEncoded()).isNotEqualTo(key.key().getEncoded());
  }

  @Test
  void destroyingLeavesATombstoneSoTheKeyReadsAsErasedNotAsMissing() throws Exception {
    FileSubjectKeyStore store = FileSubjectKeyStore.in(dir);
    SubjectKey key = store.currentKey("citizen-1");
    assertThat(store.keyId("citizen-1")).contains(key.kid());
    assertThat(store.erased("citizen-1", key.kid())).isFalse();

    assertThat(store.destroy("citizen-1", key.kid())).isTrue();

    assertThat(store.erased("citizen-1", key.kid())).isTrue();
    assertThat(FileSubjectKeyStore.in(dir).erased("citizen-1", key.kid())).isTrue();
    assertThat(store.keyId("citizen-1")).isEmpty();
    assertThat(store.tombstoneOf("citizen-1", key.kid())).exists();
    assertThat(Files.readString(store.tombstoneOf("citizen-1", key.kid())))
        .doesNotContain("citizen-1");
    assertThat(store.destroy("citizen-1", key.kid())).as("again: nothing changes").isFalse();
    SubjectKey next = store.currentKey("citizen-1");
    assertThat(store.erased("citizen-1", next.kid())).isFalse();
  }

  @Test
  void aKeyThatIsGoneWithoutATombstoneIsNotErased() throws Exception {
    FileSubjectKeyStore store = FileSubjectKeyStore.in(dir);
    SubjectKey key = store.currentKey("citizen-1");
    Files.delete(store.fileOf("citizen-1"));

    assertThat(store.find("citizen-1", key.kid())).isEmpty();
    assertThat(store.erased("citizen-1", key.kid())).isFalse();
    assertThat(store.erased("citizen-1", "../../etc/passwd")).isFalse();
  }

  @Test
  void destroyingAKeyThatIsNoLongerCurrentKeepsTheCurrentOne() {
    FileSubjectKeyStore store = FileSubjectKeyStore.in(dir);
    SubjectKey current = store.currentKey("citizen-1");

    assertThat(store.destroy("citizen-1", "oldKeyId")).isFalse();

    assertThat(store.find("citizen-1", current.kid())).contains(current);
    assertThat(store.erased("citizen-1", "oldKeyId")).isTrue();
    assertThat(store.erased("citizen-1", current.kid())).isFalse();
  }

  @Test
  void anErasureThatFoundNoKeyMarksTheEarlierKeysErased() {
    FileSubjectKeyStore store = FileSubjectKeyStore.in(dir);

    assertThat(store.destroy("citizen-1", null)).isFalse();

    assertThat(store.erased("citizen-1", "lostKeyId")).isTrue();
    assertThat(store.erased("citizen-2", "lostKeyId")).isFalse();
  }

  @Test
  void isEmptyWithoutKeysAndTombstones() throws Exception {
    FileSubjectKeyStore store = FileSubjectKeyStore.in(dir);
    assertThat(store.isEmpty()).isTrue();
    store.currentKey("citizen-1");
    assertThat(store.isEmpty()).isFalse();
    store.destroy("citizen-1");
    assertThat(store.isEmpty()).as("a tombstone is the store's own").isFalse();
    assertThat(store.location()).contains(dir.toString());
  }

  @Test
  void aFileBeingDestroyedReadsAsNoKey() throws Exception {
    FileSubjectKeyStore store = FileSubjectKeyStore.in(dir);
    store.currentKey("citizen-1");
    Path file = store.fileOf("citizen-1");
    Files.write(file, new byte[(int) Files.size(file)]); // overwritten with zeros, not yet deleted

    assertThat(store.find("citizen-1", "any")).isEmpty();
    assertThat(store.createdAt("citizen-1")).isEmpty();
  }
}
