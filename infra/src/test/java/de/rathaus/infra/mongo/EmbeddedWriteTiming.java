package de.rathaus.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.bson.Document;

/**
 * What a read-model write costs on the embedded server: 1,000 replacements with upsert (as a
 * projection stores its views) and 1,000 {@code $set} updates by {@code _id} (as a token store
 * does), one after another, in rounds; and, for comparison, updates each followed by a commit of
 * the store. Prints the median microseconds per write. A harness, not a test: run with the test
 * class path, e.g. {@code java -cp <test class path> de.rathaus.infra.mongo.EmbeddedWriteTiming}.
 */
public final class EmbeddedWriteTiming {

  private static final int WRITES = 1_000;
  private static final int ROUNDS = 7;

  private EmbeddedWriteTiming() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("rathaus-write-timing");
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> views = client.getDatabase("rathaus").getCollection("views");
      double[] replaces = new double[ROUNDS];
      double[] updates = new double[ROUNDS];
      for (int round = -2; round < ROUNDS; round++) { // two rounds to warm up
        long t0 = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
          views.replaceOne(
              Filters.eq("_id", "request-" + i),
              new Document("caseNumber", "HN-2026-" + i)
                  .append("status", "SUBMITTED")
                  .append("round", round)
                  .append("attributes", new Document("purpose", "Arbeitgeber").append("copies", 1)),
              new ReplaceOptions().upsert(true));
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
          views.updateOne(
              Filters.eq("_id", "request-" + i),
              Updates.set("token", round * WRITES + i),
              new UpdateOptions().upsert(true));
        }
        long t2 = System.nanoTime();
        if (round >= 0) {
          replaces[round] = (t1 - t0) / 1e3 / WRITES;
          updates[round] = (t2 - t1) / 1e3 / WRITES;
        }
      }
      // for comparison: the store committed after every write instead of the journal
      double[] committed = new double[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < WRITES / 10; i++) {
          views.updateOne(Filters.eq("_id", "request-" + i), Updates.set("committed", round));
          server.commit();
        }
        committed[round] = (System.nanoTime() - t0) / 1e3 / (WRITES / 10);
      }
      System.out.printf(
          Locale.ROOT,
          "per write: replace with upsert %.1f µs, $set by _id %.1f µs, $set by _id and a store"
              + " commit %.1f µs (median of %d rounds)%n",
          median(replaces),
          median(updates),
          median(committed),
          ROUNDS);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
