package de.rathaus.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine instances that share one store, known from a small collection in it: each instance
 * counts a beat up in its own document every {@code claimTimeout / 10}, and counts as live while
 * the others see its beat change. Like the token store's claims, a beat is judged by how long this
 * instance has seen it unchanged on its own monotonic clock, never by comparing wall clocks.
 *
 * <p>From the live count comes each instance's fair share of a processor's segments, {@code
 * ceil(segments / live)}: Axon's coordinator claims no more than that and releases the surplus (see
 * {@link #fairShare}). An instance that was never seen counts as live at once (a newcomer gets its
 * share at the next claim cycle); one that went silent stops counting after half the claim timeout,
 * so by the time its claims are stale (the full claim timeout) the others' share already covers
 * them and the takeover bound is that of the claims alone.
 */
public final class EngineInstances implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EngineInstances.class);
  private static final String BEAT = "beat";

  private final MongoCollection<Document> instances;
  private final String nodeId;
  private final long beatMillis;
  private final long silentNanos;
  private final long forgetNanos;
  private final LongSupplier nanoTime;

  /**
   * Another instance's beat as this instance saw it, since when (monotonic), and whether this
   * instance has seen it move (a beat seen only once may be a dead instance's last).
   */
  private record Seen(long beat, long sinceNanos, boolean moved) {}

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private volatile int live = 1;
  private ScheduledExecutorService beating;

  public EngineInstances(
      MongoDatabase database, String collection, String nodeId, Duration claimTimeout) {
    this(database, collection, nodeId, claimTimeout, System::nanoTime);
  }

  EngineInstances(
      MongoDatabase database,
      String collection,
      String nodeId,
      Duration claimTimeout,
      LongSupplier nanoTime) {
    this.instances = database.getCollection(collection);
    this.nodeId = nodeId;
    this.beatMillis = Math.max(1, claimTimeout.toMillis() / 10);
    this.silentNanos = claimTimeout.toNanos() / 2;
    this.forgetNanos = claimTimeout.toNanos() * 6;
    this.nanoTime = nanoTime;
  }

  /** This instance's id: the owner of its token claims too. */
  public String nodeId() {
    return nodeId;
  }

  /** The number of live instances as last counted, this one included. */
  public int live() {
    return live;
  }

  /**
   * Beats once (so that the first count is there before the processors claim anything), then on a
   * thread of its own every {@code claimTimeout / 10}.
   */
  public synchronized void start() {
    if (beating != null) {
      return;
    }
    beatQuietly();
    beating =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "rathaus-instance-beat");
              thread.setDaemon(true);
              return thread;
            });
    beating.scheduleWithFixedDelay(
        this::beatQuietly, beatMillis, beatMillis, TimeUnit.MILLISECONDS);
  }

  private void beatQuietly() {
    try {
      beat();
    } catch (RuntimeException e) {
      // the store is away a moment: the last count stands, the claims decide meanwhile
      log.warn("Could not count the engine instances: {}", e.toString());
    }
  }

  /** Counts this instance's beat up and the live instances anew. */
  void beat() {
    instances.updateOne(
        Filters.eq("_id", nodeId), Updates.inc(BEAT, 1L), new UpdateOptions().upsert(true));
    long now = nanoTime.getAsLong();
    int count = 1;
    Set<String> present = new HashSet<>();
    for (Document instance : instances.find()) {
      String id = instance.getString("_id");
      if (id == null || id.equals(nodeId)) {
        continue;
      }
      long beat = ((Number) instance.get(BEAT)).longValue();
      present.add(id);
      Seen since =
          seen.compute(
              id,
              (key, old) ->
                  old != null && old.beat() == beat ? old : new Seen(beat, now, old != null));
      long silentFor = now - since.sinceNanos();
      if (silentFor < silentNanos) {
        count++;
      } else if (silentFor >= forgetNanos) {
        // long dead: the document goes (unless it beat meanwhile), the embedded server has no TTL
        instances.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq(BEAT, beat)));
      }
    }
    seen.keySet().retainAll(present);
    live = count;
  }

  /**
   * Whether instance {@code nodeId} is alive as far as this one can tell: it has seen its beat move
   * and not stand still for half the claim timeout since. Never this instance itself.
   */
  public boolean seenAlive(String nodeId) {
    Seen since = seen.get(nodeId);
    return since != null
        && since.moved()
        && nanoTime.getAsLong() - since.sinceNanos() < silentNanos;
  }

  /**
   * The most segments of a processor this instance should hold: {@code ceil(segments / live)}.
   * {@code segments} counts a processor's segments in the token store; a processor without any yet
   * is not limited (it initializes them first).
   */
  public MaxSegmentProvider fairShare(ToIntFunction<String> segments) {
    return processor -> {
      int total;
      try {
        total = segments.applyAsInt(processor);
      } catch (RuntimeException storeAway) {
        return Short.MAX_VALUE; // nothing can be claimed or released meanwhile anyway
      }
      return total == 0 ? Short.MAX_VALUE : fairShare(total, live);
    };
  }

  static int fairShare(int segments, int live) {
    return (segments + live - 1) / Math.max(1, live);
  }

  /** Stops beating and leaves: the others count one instance less at their next beat. */
  @Override
  public synchronized void close() {
    if (beating != null) {
      beating.shutdownNow();
      beating = null;
    }
    try {
      instances.deleteOne(Filters.eq("_id", nodeId));
    } catch (RuntimeException e) {
      log.warn("Could not leave the engine instances: {}", e.toString());
    }
  }
}
