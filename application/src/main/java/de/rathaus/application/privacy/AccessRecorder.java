package de.rathaus.application.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes access-log entries without making each read pay for its own write: a read hands its
 * entries to a bounded queue, one writer thread stores whatever is queued in one batch, and the
 * read waits until its batch is stored (group commit), so an answered read is recorded durably (on
 * the embedded server: journaled) before its answer leaves. Reads that arrive while a batch is
 * being written share the next one; a read pays about one insert, many concurrent reads together
 * about one insert per batch.
 *
 * <p>The wait is bounded ({@code maxWait}): past it the read is answered and its entry stays queued
 * (written when the store answers; lost only if the engine stops before that, which is logged and
 * counted as {@link #late()}; a failed write as {@link #failed()}). A write that fails is not
 * answered silently: the reads that waited for it fail with {@link AccessNotRecorded} (the API
 * answers 503), so nothing is shown that is not recorded. A full queue (the store too slow for the
 * load) makes the read write its entries itself, so entries are never dropped.
 */
public final class AccessRecorder implements AutoCloseable {

  /** At most this many entries per insert. */
  static final int MAX_BATCH = 500;

  private final AccessLog store;
  private final Duration maxWait;
  private final BlockingQueue<Pending> queue;
  private final Thread writer;
  private final AtomicLong late = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean closed;

  private record Pending(AccessEntry entry, CompletableFuture<Void> stored) {}

  /** A read whose access-log entry could not be stored: it must not be answered. */
  public static final class AccessNotRecorded extends RuntimeException {
    public AccessNotRecorded(Throwable cause) {
      super("The access log could not record a read", cause);
    }
  }

  /**
   * @param capacity entries that may wait in the queue
   * @param maxWait how long a read waits for its entries to be stored
   */
  public AccessRecorder(AccessLog store, int capacity, Duration maxWait) {
    if (capacity < 1 || maxWait.isNegative()) {
      throw new IllegalArgumentException("The access log needs a capacity and a wait of 0 or more");
    }
    this.store = store;
    this.maxWait = maxWait;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new Thread(this::write, "access-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Records the entries; answers once they are stored, or once {@code maxWait} has passed. */
  public void record(List<AccessEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<CompletableFuture<Void>> waiting = new ArrayList<>(entries.size());
    List<AccessEntry> ownWrite = new ArrayList<>();
    for (AccessEntry entry : entries) {
      Pending pending = new Pending(entry, new CompletableFuture<>());
      if (!closed && queue.offer(pending)) {
        waiting.add(pending.stored());
      } else {
        ownWrite.add(entry);
      }
    }
    try {
      if (!ownWrite.isEmpty()) {
        store.append(ownWrite);
      }
      CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new))
          .get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException slow) {
      // answered; the entries stay queued and are stored when the store answers
      late.addAndGet(waiting.stream().filter(f -> !f.isDone()).count());
    } catch (ExecutionException failed) {
      throw new AccessNotRecorded(failed.getCause());
    } catch (RuntimeException failed) {
      throw new AccessNotRecorded(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AccessNotRecorded(interrupted);
    }
  }

  /** Convenience for one entry. */
  public void record(AccessEntry entry) {
    record(List.of(entry));
  }

  /** Entries whose read was answered before they were stored (since the start). */
  public long late() {
    return late.get();
  }

  /** Entries that could not be stored (their reads failed, unless they were answered late). */
  public long failed() {
    return failed.get();
  }

  private void write() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (true) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closed) {
            return;
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        storeBatch(batch);
        batch.clear();
      } catch (InterruptedException stop) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private void storeBatch(List<Pending> batch) {
    try {
      store.append(batch.stream().map(Pending::entry).toList());
      batch.forEach(p -> p.stored().complete(null));
    } catch (RuntimeException cause) {
      failed.addAndGet(batch.size());
      batch.forEach(p -> p.stored().completeExceptionally(cause));
    }
  }

  /** Stops taking entries; stores what is queued (waiting up to five seconds). */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!queue.isEmpty()) {
      List<Pending> rest = new ArrayList<>();
      queue.drainTo(rest);
      storeBatch(rest);
    }
  }
}
