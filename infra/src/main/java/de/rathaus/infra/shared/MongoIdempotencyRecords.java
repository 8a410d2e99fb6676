package de.rathaus.infra.shared;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.rathaus.application.shared.IdempotencyRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;

/**
 * Idempotency records in the collection {@code idempotency_keys}, keyed by the caller's key (a
 * unique {@code _id} makes the claim atomic, also across instances). Expired records are replaced
 * when their key comes again and purged at most once an hour.
 */
public class MongoIdempotencyRecords implements IdempotencyRecords {

  static final String COLLECTION = "idempotency_keys";
  private static final Duration PURGE_EVERY = Duration.ofHours(1);

  private final MongoCollection<Document> records;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

  public MongoIdempotencyRecords(MongoDatabase database) {
    this.records = database.getCollection(COLLECTION);
  }

  @Override
  public Optional<Entry> claim(
      String key, String fingerprint, Instant now, Instant expiredBefore, Instant abandonedBefore) {
    purge(now, expiredBefore);
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        records.insertOne(
            new Document("_id", key)
                .append("fingerprint", fingerprint)
                .append("claimedAt", Date.from(now)));
        return Optional.empty();
      } catch (MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
      Document existing = records.find(Filters.eq("_id", key)).first();
      if (existing == null) {
        continue; // released meanwhile: claim again
      }
      Instant claimedAt = existing.getDate("claimedAt").toInstant();
      boolean abandoned =
          existing.getString("answer") == null && claimedAt.isBefore(abandonedBefore);
      if (claimedAt.isBefore(expiredBefore) || abandoned) {
        records.deleteOne(
            Filters.and(
                Filters.eq("_id", key), Filters.eq("claimedAt", existing.getDate("claimedAt"))));
        continue;
      }
      return Optional.of(
          new Entry(
              key, existing.getString("fingerprint"), existing.getString("answer"), claimedAt));
    }
    throw new IllegalStateException("An idempotency key could not be claimed");
  }

  @Override
  public void complete(String key, String answer) {
    records.updateOne(Filters.eq("_id", key), Updates.set("answer", answer));
  }

  @Override
  public void release(String key) {
    records.deleteOne(Filters.eq("_id", key));
  }

  private void purge(Instant now, Instant expiredBefore) {
    Instant last = lastPurge.get();
    if (now.isAfter(last.plus(PURGE_EVERY)) && lastPurge.compareAndSet(last, now)) {
      records.deleteMany(Filters.lt("claimedAt", Date.from(expiredBefore)));
    }
  }
}
