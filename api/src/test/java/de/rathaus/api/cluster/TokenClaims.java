package de.rathaus.api.cluster;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.bson.Document;

/**
 * The processors' segment claims, read straight from the store's {@code tokens} collection (one
 * document per processor and segment, {@code owner} = {@code rathaus-<pid>-<random>} of the
 * instance that holds it, or none).
 */
final class TokenClaims implements AutoCloseable {

  private final MongoClient client;

  TokenClaims(String uri) {
    this.client = MongoClients.create(uri);
  }

  /** Segments per owner's pid ({@code 0}: not claimed), over all processors. */
  Map<Long, Integer> segmentsByPid() {
    Map<Long, Integer> owners = new TreeMap<>();
    for (Document token : client.getDatabase("rathaus").getCollection("tokens").find()) {
      if (token.getString("_id").startsWith("__")) {
        continue;
      }
      owners.merge(pid(token.getString("owner")), 1, Integer::sum);
    }
    return owners;
  }

  /**
   * Waits until no segment is held by the instance with process id {@code dead} any more, and
   * answers how long that took from {@code killedAt} (nanoTime); asked every 100 ms.
   */
  Duration awaitTakeover(long dead, long killedAt, Duration bound) throws InterruptedException {
    long deadline = killedAt + bound.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (!segmentsByPid().containsKey(dead)) {
          return Duration.ofNanos(System.nanoTime() - killedAt);
        }
      } catch (RuntimeException storeAway) {
        // the store restarts: ask again
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return null;
  }

  /**
   * Watches every claim until closed, asked every {@link Watch#EVERY}, for segments taken from a
   * live owner: the owner of a segment changed straight from one instance to another (no release in
   * between: the claim's {@code releases} count, which a release increments, did not move, so a
   * fair-share release and the other's claim within one look are a handover) while the first was
   * alive and had extended its claim (changed the claim's timestamp) certainly less than {@link
   * Watch#STOLEN_BELOW} before. A live owner extends its claims every few seconds; another instance
   * may take a claim over only once it has seen it unchanged for the claim timeout (10 s) on its
   * own clock. The watch cannot know when between two of its looks at a claim the claim changed: on
   * a busy machine its looks may be seconds apart. So the time since the extension is counted from
   * the last look that still saw the claim before it (the most it can have been), to the look that
   * sees the new owner; 8 s below the 10 s leaves room for a look's own duration, and a
   * clock-skewed steal (a claim judged by wall clocks 30 s apart) is still caught, being taken at
   * once.
   */
  Watch watch(LongPredicate alive) {
    Watch watch = new Watch(alive);
    Thread thread = new Thread(watch, "token-claims-watch");
    thread.setDaemon(true);
    thread.start();
    return watch;
  }

  final class Watch implements Runnable, AutoCloseable {
    static final Duration EVERY = Duration.ofMillis(100);
    static final Duration STOLEN_BELOW = Duration.ofSeconds(8);

    /** A claim as last seen; it changed to this after {@code changedAfter} (a look's time). */
    private record Claim(String owner, Object timestamp, long releases, long changedAfter) {}

    private final LongPredicate alive;
    private final Map<String, Claim> claims = new HashMap<>();
    private final Map<String, Long> lastRead = new HashMap<>();
    volatile long longestBetweenLooks;
    final List<String> stolen = new CopyOnWriteArrayList<>();
    volatile int handovers;
    private volatile boolean running = true;

    private Watch(LongPredicate alive) {
      this.alive = alive;
    }

    @Override
    public void run() {
      while (running) {
        try {
          look();
        } catch (RuntimeException storeAway) {
          // the store restarts: look again
        }
        try {
          TimeUnit.NANOSECONDS.sleep(EVERY.toNanos());
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void look() {
      for (Document token : client.getDatabase("rathaus").getCollection("tokens").find()) {
        String id = token.getString("_id");
        if (id.startsWith("__")) {
          continue;
        }
        long now = System.nanoTime(); // read at about now: every change is seen by now
        Long previousRead = lastRead.put(id, now);
        long seenBefore = previousRead == null ? now : previousRead;
        longestBetweenLooks = Math.max(longestBetweenLooks, now - seenBefore);
        String owner = token.getString("owner");
        Object timestamp = token.get("timestamp");
        long releases = token.get("releases") instanceof Number n ? n.longValue() : 0;
        Claim before = claims.get(id);
        if (before != null
            && before.owner() != null
            && owner != null
            && !owner.equals(before.owner())
            && releases != before.releases()) {
          handovers++; // released and claimed again between two looks
        } else if (before != null
            && before.owner() != null
            && owner != null
            && !owner.equals(before.owner())) {
          handovers++;
          long sinceExtended = now - before.changedAfter(); // at most this long ago
          long from = pid(before.owner());
          if (alive.test(from) && sinceExtended < STOLEN_BELOW.toNanos()) {
            stolen.add(
                id
                    + " taken by "
                    + owner
                    + " from live "
                    + before.owner()
                    + " "
                    + Duration.ofNanos(sinceExtended).toMillis()
                    + " ms after its last extension");
          }
        }
        if (before == null
            || !java.util.Objects.equals(before.owner(), owner)
            || !java.util.Objects.equals(before.timestamp(), timestamp)
            || before.releases() != releases) {
          claims.put(id, new Claim(owner, timestamp, releases, seenBefore));
        }
      }
    }

    @Override
    public void close() {
      running = false;
    }
  }

  private static long pid(String owner) {
    if (owner == null || !owner.startsWith("rathaus-")) {
      return 0;
    }
    String rest = owner.substring("rathaus-".length());
    int dash = rest.indexOf('-');
    return Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
  }

  @Override
  public void close() {
    client.close();
  }
}
