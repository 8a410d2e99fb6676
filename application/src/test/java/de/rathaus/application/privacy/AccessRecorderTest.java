package de.rathaus.application.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.application.shared.Page;
import de.rathaus.domain.shared.CitizenId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AccessRecorderTest {

  /** A store that keeps what it is given, and can be made to fail or to hold a write back. */
  static final class Store implements AccessLog {
    final List<AccessEntry> stored = new CopyOnWriteArrayList<>();
    final List<String> writers = new CopyOnWriteArrayList<>();
    final AtomicBoolean failing = new AtomicBoolean();
    volatile CountDownLatch hold = new CountDownLatch(0);

    @Override
    public void append(List<AccessEntry> entries) {
      writers.add(Thread.currentThread().getName());
      try {
        hold.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failing.get()) {
        throw new IllegalStateException("store down");
      }
      stored.addAll(entries);
    }

    @Override
    public Page<AccessEntry> page(CitizenId subject, String requestId, String after, int size) {
      return new Page<>(stored, null);
    }

    @Override
    public long forget(CitizenId subject, Instant upTo) {
      return 0;
    }
  }

  private static AccessEntry entry() {
    return new AccessEntry(
        UUID.randomUUID().toString(),
        new CitizenId("anna"),
        "r-1",
        "HN-2026-000001",
        AccessKind.CASE,
        "clara",
        "CLERK",
        "buergeramt",
        Instant.parse("2026-05-01T10:00:00Z"));
  }

  @Test
  void aReadIsAnsweredOnlyOnceItsEntryIsStored() {
    Store store = new Store();
    try (AccessRecorder recorder = new AccessRecorder(store, 100, Duration.ofSeconds(5))) {
      AccessEntry entry = entry();
      recorder.record(entry);
      assertThat(store.stored).containsExactly(entry);
      assertThat(recorder.late()).isZero();
    }
  }

  @Test
  void aFailedWriteFailsTheRead() {
    Store store = new Store();
    store.failing.set(true);
    try (AccessRecorder recorder = new AccessRecorder(store, 100, Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> recorder.record(entry()))
          .isInstanceOf(AccessRecorder.AccessNotRecorded.class);
      assertThat(recorder.failed()).isEqualTo(1);
    }
  }

  @Test
  void aSlowStoreDelaysTheReadOnlyUpToTheBoundAndTheEntryIsStoredLater() throws Exception {
    Store store = new Store();
    store.hold = new CountDownLatch(1);
    try (AccessRecorder recorder = new AccessRecorder(store, 100, Duration.ofMillis(100))) {
      AccessEntry entry = entry();
      long t0 = System.nanoTime();
      recorder.record(entry);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
      assertThat(recorder.late()).isEqualTo(1);
      assertThat(store.stored).isEmpty();
      store.hold.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (store.stored.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(store.stored).containsExactly(entry);
    }
  }

  @Test
  void aFullQueueMakesTheReaderWriteItsEntryItselfNeverDropsIt() throws Exception {
    Store store = new Store();
    store.hold = new CountDownLatch(1);
    try (AccessRecorder recorder = new AccessRecorder(store, 1, Duration.ofMillis(50))) {
      recorder.record(entry()); // taken by the writer, held
      Thread.sleep(50);
      recorder.record(entry()); // waits in the queue (its capacity is one)
      Thread t =
          new Thread(
              () -> recorder.record(entry()), // the queue is full: written by this thread
              "reader");
      t.start();
      Thread.sleep(100);
      store.hold.countDown();
      t.join(5_000);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (store.stored.size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(store.stored).hasSize(3);
      assertThat(store.writers).contains("reader");
    }
  }

  @Test
  void closingStoresWhatIsQueued() {
    Store store = new Store();
    AccessRecorder recorder = new AccessRecorder(store, 100, Duration.ZERO);
    for (int i = 0; i < 50; i++) {
      recorder.record(entry());
    }
    recorder.close();
    assertThat(store.stored).hasSize(50);
  }
}
