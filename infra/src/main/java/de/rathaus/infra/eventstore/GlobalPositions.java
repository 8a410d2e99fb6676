package de.rathaus.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Hands out global positions from one counter document shared by every engine instance.
 *
 * <p>A position is reserved before its event is written, so positions are unique and increase in
 * the order of reservation, while commits may land in another order: that is what the gap-aware
 * tokens of the processors are for. Each reservation has a lease, kept on the monotonic clock of
 * this JVM: a writer does not start an insert at a position reserved longer ago than the lease, it
 * reserves again instead, because readers may have given such a position up by then. The lease only
 * spares such collisions; that nothing is lost rests on tombstones (see {@link EventDocuments}),
 * not on the lease or on any clock. Each block is also stamped with the wall-clock instant of its
 * reservation, from which readers decide when to stop waiting for a gap.
 *
 * <p>Positions may be reserved in blocks to spare the counter's round trip. With several engine
 * instances a block may be older than another instance's event, so a commit that continues an
 * aggregate says which position it must exceed, and gets a fresh block when needed. The unused rest
 * of a block left so (or left because its lease ran out) was never handed to a writer: {@link
 * #leftBehind} names it, and the appender gives it up at once with tombstones, so that readers to
 * the head (the audit trail, the sealing of the log) do not wait the gap timeout for positions no
 * one will write. Only the rest of a block of an instance that died becomes gaps that readers drop
 * after the gap timeout.
 */
final class GlobalPositions {

  /** The counter document's id and its field, in the counters collection. */
  static final String COUNTER_ID = "globalIndex";

  private static final String VALUE = "value";

  private final MongoCollection<Document> counters;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final long leaseNanos;
  private final int blockSize;

  private long next;
  private long end = -1;
  private long reservedAt;
  private long reservedAtNanos;
  private final List<Long> leftBehind = new ArrayList<>();

  GlobalPositions(
      MongoCollection<Document> counters,
      Clock clock,
      LongSupplier nanoTime,
      Duration lease,
      int blockSize) {
    this.counters = counters;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.leaseNanos = lease.toNanos();
    this.blockSize = Math.max(1, blockSize);
  }

  /**
   * Increasing positions for one commit, each with the wall-clock instant its block was reserved
   * at: the rest of the current block first, then a new block if needed. {@code leaseStart} is the
   * monotonic time the oldest of them was reserved at.
   */
  record Reservation(long[] positions, long[] reservedAt, long leaseStart) {
    long position(int offset) {
      return positions[offset];
    }

    long reservedAt(int offset) {
      return reservedAt[offset];
    }

    long last() {
      return positions[positions.length - 1];
    }
  }

  /** Positions for a commit with no order to keep against earlier events. */
  Reservation reserve(int count) {
    return reserve(count, 0);
  }

  /**
   * Positions for a commit that must come after position {@code after} (the newest event of an
   * aggregate it continues; {@link Long#MAX_VALUE} when that is not known). A block reserved before
   * that event was written may hold lower positions, so then the block is left and a fresh one
   * reserved: the counter is past every position reserved so far.
   */
  synchronized Reservation reserve(int count, long after) {
    long[] positions = new long[count];
    long[] times = new long[count];
    int taken = 0;
    long leaseStart = reservedAtNanos;
    if (end >= 0 && nanoTime.getAsLong() - reservedAtNanos < leaseNanos && next > after) {
      while (taken < count && next <= end) {
        positions[taken] = next++;
        times[taken++] = reservedAt;
      }
    }
    if (taken < count) {
      for (long unused = next; end >= 0 && unused <= end; unused++) {
        leftBehind.add(unused); // never handed out: no writer of this instance holds it
      }
      int size = Math.max(count - taken, blockSize);
      long last = increment(size);
      reservedAt = clock.millis();
      reservedAtNanos = nanoTime.getAsLong();
      if (taken == 0) {
        leaseStart = reservedAtNanos;
      }
      next = last - size + 1;
      end = last;
      while (taken < count) {
        positions[taken] = next++;
        times[taken++] = reservedAt;
      }
    }
    return new Reservation(positions, times, leaseStart);
  }

  /**
   * The positions of blocks this instance left unused since the last call (none handed to any
   * writer): to be given up at once, not after the gap timeout.
   */
  synchronized List<Long> leftBehind() {
    if (leftBehind.isEmpty()) {
      return List.of();
    }
    List<Long> left = List.copyOf(leftBehind);
    leftBehind.clear();
    return left;
  }

  /** Whether a writer may still start storing events at the positions of this reservation. */
  boolean usable(Reservation reservation) {
    return nanoTime.getAsLong() - reservation.leaseStart() < leaseNanos;
  }

  /** The highest position reserved so far by any writer, 0 if none. */
  long highestReserved() {
    Document counter = counters.find(new Document("_id", COUNTER_ID)).first();
    return counter == null ? 0 : counter.get(VALUE, Number.class).longValue();
  }

  private long increment(int size) {
    Bson filter = new Document("_id", COUNTER_ID);
    Document counter =
        counters.findOneAndUpdate(
            filter,
            Updates.inc(VALUE, (long) size),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return counter.get(VALUE, Number.class).longValue();
  }
}
