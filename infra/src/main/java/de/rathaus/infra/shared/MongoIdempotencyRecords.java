package de.rathaus.infra.shared;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.rathaus.application.shared.IdempotencyRecords;
import de.rathaus.infra.mongo.Unconfirmed;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;

/**
 * Idempotency records in the collection {@code idempotency_keys}, keyed by the caller's key (a
 * unique {@code _id} makes the first claim atomic, also across instances; every later change is
 * conditional on the attempt that holds the record, a take-over also on its lease counter). The
 * attempt's start time ({@code attemptAt}) is kept for the operator only; no decision reads it.
 * Expired records are replaced when their key comes again and purged at most once an hour.
 */
public class MongoIdempotencyRecords implements IdempotencyRecords {

  static final String COLLECTION = "idempotency_keys";
  private static final Duration PURGE_EVERY = Duration.ofHours(1);

  static final String ID = "_id";
  static final String FINGERPRINT = "fingerprint";
  static final String IDENTITY = "identity";
  static final String CREATED_AT = "createdAt";
  static final String ATTEMPT = "attempt";
  static final String ATTEMPT_AT = "attemptAt";
  static final String ANSWER = "answer";
  static final String RENEWALS = "renewals";

  private final MongoCollection<Document> records;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

  public MongoIdempotencyRecords(MongoDatabase database) {
    this.records = database.getCollection(COLLECTION);
    // the purge of expired records (a real MongoDB uses it; the embedded server ignores it)
    records.createIndex(Indexes.ascending(CREATED_AT), new IndexOptions().name("expiry"));
  }

  @Override
  public Claim claim(
      String key, String fingerprint, String attempt, Instant now, Instant expiredBefore) {
    purge(now, expiredBefore);
    for (int round = 0; round < 5; round++) {
      String identity = UUID.randomUUID().toString();
      try {
        Unconfirmed.unknownIfUnconfirmed(
            "A claim of an Idempotency-Key",
            () ->
                records.insertOne(
                    new Document(ID, key)
                        .append(FINGERPRINT, fingerprint)
                        .append(IDENTITY, identity)
                        .append(CREATED_AT, Date.from(now))
                        .append(ATTEMPT, attempt)
                        .append(ATTEMPT_AT, Date.from(now))
                        .append(RENEWALS, 0L)));
        return new Claim(true, identity, fingerprint, null, attempt, 0);
      } catch (MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
      Document existing = records.find(Filters.eq(ID, key)).first();
      if (existing == null) {
        continue; // released meanwhile: claim again
      }
      String known = existing.getString(IDENTITY);
      if (existing.getDate(CREATED_AT).toInstant().isBefore(expiredBefore)) {
        records.deleteOne(Filters.and(Filters.eq(ID, key), Filters.eq(IDENTITY, known)));
        continue;
      }
      Claim found = claimOf(existing, false);
      if (found.answer() != null
          || !found.fingerprint().equals(fingerprint)
          || found.holder() != null) {
        return found; // answered, another body, or held by an attempt (that may still run)
      }
      Claim suspended =
          takeOver(
              Filters.and(
                  Filters.eq(ID, key), Filters.eq(IDENTITY, known), Filters.eq(ATTEMPT, null)),
              attempt,
              now);
      if (suspended != null) {
        return suspended;
      }
    }
    throw new IllegalStateException("An idempotency key could not be claimed");
  }

  @Override
  public Claim takeOver(
      String key, String identity, String holder, long renewals, String attempt, Instant now) {
    Claim taken =
        takeOver(
            Filters.and(
                Filters.eq(ID, key),
                Filters.eq(IDENTITY, identity),
                Filters.eq(ATTEMPT, holder),
                Filters.eq(ANSWER, null),
                renewals == 0
                    ? Filters.or(Filters.eq(RENEWALS, 0L), Filters.exists(RENEWALS, false))
                    : Filters.eq(RENEWALS, renewals)),
            attempt,
            now);
    if (taken != null) {
      return taken;
    }
    Document current = records.find(Filters.eq(ID, key)).first();
    return current == null
        ? new Claim(false, identity, "", null, null, 0)
        : claimOf(current, false);
  }

  /** Gives the record {@code matching} to {@code attempt}, at a lease of its own. */
  private Claim takeOver(org.bson.conversions.Bson matching, String attempt, Instant now) {
    Document taken =
        records.findOneAndUpdate(
            matching,
            Updates.combine(
                Updates.set(ATTEMPT, attempt),
                Updates.set(ATTEMPT_AT, Date.from(now)),
                Updates.set(RENEWALS, 0L)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return taken == null ? null : claimOf(taken, true);
  }

  private static Claim claimOf(Document record, boolean owned) {
    Object renewals = record.get(RENEWALS);
    return new Claim(
        owned,
        record.getString(IDENTITY),
        record.getString(FINGERPRINT),
        record.getString(ANSWER),
        record.getString(ATTEMPT),
        renewals instanceof Number n ? n.longValue() : 0);
  }

  @Override
  public boolean renew(String key, String attempt) {
    return records
            .updateOne(
                Filters.and(Filters.eq(ID, key), Filters.eq(ATTEMPT, attempt)),
                Updates.inc(RENEWALS, 1L))
            .getMatchedCount()
        == 1;
  }

  @Override
  public boolean complete(String key, String attempt, String answer) {
    return records
            .updateOne(
                Filters.and(Filters.eq(ID, key), Filters.eq(ATTEMPT, attempt)),
                Updates.set(ANSWER, answer))
            .getModifiedCount()
        == 1;
  }

  @Override
  public void release(String key, String attempt) {
    records.deleteOne(Filters.and(Filters.eq(ID, key), Filters.eq(ATTEMPT, attempt)));
  }

  @Override
  public void suspend(String key, String attempt) {
    records.updateOne(
        Filters.and(Filters.eq(ID, key), Filters.eq(ATTEMPT, attempt)), Updates.set(ATTEMPT, null));
  }

  private void purge(Instant now, Instant expiredBefore) {
    Instant last = lastPurge.get();
    if (now.isAfter(last.plus(PURGE_EVERY)) && lastPurge.compareAndSet(last, now)) {
      records.deleteMany(Filters.lt(CREATED_AT, Date.from(expiredBefore)));
    }
  }
}
