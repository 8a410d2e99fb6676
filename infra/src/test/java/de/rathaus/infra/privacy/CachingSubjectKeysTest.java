package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache in front of a key store: bounded lifetime, immediate eviction on erasure. */
class CachingSubjectKeysTest {

  @TempDir Path dir;
  private final AtomicLong now = new AtomicLong();

  private CachingSubjectKeyStore instance(FileSubjectKeyStore store) {
    return new CachingSubjectKeyStore(store, Duration.ofSeconds(60), now::get);
  }

  @Test
  void anErasureHereIsSeenAtOnce() {
    CachingSubjectKeyStore keys = instance(FileSubjectKeyStore.in(dir));
    SubjectKey key = keys.currentKey("citizen-1");

    assertThat(keys.destroy("citizen-1")).isTrue();

    assertThat(keys.find("citizen-1", key.kid())).isEmpty();
    assertThat(keys.exists("citizen-1")).isFalse();
    assertThat(keys.currentKey("citizen-1").kid()).isNotEqualTo(key.kid());
  }

  @Test
  void anErasureByAnotherInstanceIsSeenWhenTheCachedKeyExpires() {
    CachingSubjectKeyStore here = instance(FileSubjectKeyStore.in(dir));
    CachingSubjectKeyStore there = instance(FileSubjectKeyStore.in(dir));
    SubjectKey key = here.currentKey("citizen-1");

    there.destroy("citizen-1");

    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(here.find("citizen-1", key.kid())).contains(key);
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(here.find("citizen-1", key.kid())).isEmpty();
  }

  @Test
  void aKeyFoundMissingWithoutTombstoneIsFoundAtOnceWhenRestored() throws Exception {
    FileSubjectKeyStore files = FileSubjectKeyStore.in(dir);
    SubjectKey key = files.currentKey("citizen-1");
    Path file = files.fileOf("citizen-1");
    byte[] content = java.nio.file.Files.readAllBytes(file);
    java.nio.file.Files.delete(file);
    CachingSubjectKeyStore keys = instance(files);
    assertThat(keys.find("citizen-1", key.kid())).isEmpty();
    assertThat(keys.erased("citizen-1", key.kid())).isFalse();

    java.nio.file.Files.write(file, content);

    assertThat(keys.find("citizen-1", key.kid())).contains(key);
  }

  @Test
  void anErasureByAnotherInstanceIsRememberedOnceSeen() {
    CachingSubjectKeyStore here = instance(FileSubjectKeyStore.in(dir));
    CachingSubjectKeyStore there = instance(FileSubjectKeyStore.in(dir));
    SubjectKey key = there.currentKey("citizen-1");
    there.destroy("citizen-1");

    assertThat(here.find("citizen-1", key.kid())).isEmpty();
    assertThat(here.erased("citizen-1", key.kid())).isTrue();
    assertThat(here.erased("citizen-1", "neverMade")).isFalse();
  }

  @Test
  void aKeyMadeByAnotherInstanceIsFoundAlthoughAnotherIdWasMissing() {
    CachingSubjectKeyStore here = instance(FileSubjectKeyStore.in(dir));
    CachingSubjectKeyStore there = instance(FileSubjectKeyStore.in(dir));
    assertThat(here.find("citizen-1", "gone")).isEmpty();

    SubjectKey made = there.currentKey("citizen-1");

    assertThat(here.find("citizen-1", made.kid())).contains(made);
    assertThat(here.find("citizen-1", "gone")).isEmpty();
  }
}
