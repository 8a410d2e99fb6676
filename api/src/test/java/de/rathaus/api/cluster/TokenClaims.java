package de.rathaus.api.cluster;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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
