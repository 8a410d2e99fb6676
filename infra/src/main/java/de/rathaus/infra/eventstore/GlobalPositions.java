package de.rathaus.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Hands out global positions from one counter document shared by every engine instance.
 *
 * <p>A position is reserved before its event is written, so positions are unique and increase in
 * the order of reservation, while commits may land in another order: that is what the gap-aware
 * tokens of the processors are for. Each reservation has a lease: a writer never stores an event at
 * a position reserved longer ago than the lease, it reserves again instead. Readers rely on this to
 * tell a slow commit (wait for it) from an abandoned position (stop waiting after the gap timeout).
 *
 * <p>Positions may be reserved in blocks to spare the counter's round trip; the unused rest of an
 * expired block simply becomes gaps that readers drop after the gap timeout.
 */
final class GlobalPositions {

  static final String COUNTER_ID = StoreDurability.COUNTER_ID;
  private static final String VALUE = StoreDurability.COUNTER_FIELD;

  private final MongoCollection<Document> counters;
  private final Clock clock;
  private final long leaseMillis;
  private final int blockSize;

  private long next;
  private long end = -1;
  private long reservedAt;

  GlobalPositions(MongoCollection<Document> counters, Clock clock, Duration lease, int blockSize) {
    this.counters = counters;
    this.clock = clock;
    this.leaseMillis = lease.toMillis();
    this.blockSize = Math.max(1, blockSize);
  }

  /** A run of consecutive positions and the instant they were reserved at. */
  record Reservation(long first, int count, long reservedAt) {
    long position(int offset) {
      return first + offset;
    }
  }

  synchronized Reservation reserve(int count) {
    long now = clock.millis();
    if (end - next + 1 >= count && now - reservedAt < leaseMillis) {
      Reservation reservation = new Reservation(next, count, reservedAt);
      next += count;
      return reservation;
    }
    int size = Math.max(count, blockSize);
    long last = increment(size);
    long first = last - size + 1;
    reservedAt = clock.millis();
    next = first + count;
    end = last;
    return new Reservation(first, count, reservedAt);
  }

  /** Whether a writer may still store events at the positions of this reservation. */
  boolean usable(Reservation reservation) {
    return clock.millis() - reservation.reservedAt() < leaseMillis;
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
