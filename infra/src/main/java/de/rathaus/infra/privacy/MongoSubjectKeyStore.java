package de.rathaus.infra.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.rathaus.infra.mongo.Unconfirmed;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Keys in the MongoDB collection {@code subject_keys}, one document per subject ({@code _id} =
 * subject id, {@code kid}, {@code key}, {@code createdAt}): for several engine instances on one
 * MongoDB replica set, which then share the keys without a shared directory.
 *
 * <p>Caveat: a deleted key document is gone from the collection at once, but MongoDB keeps it for a
 * while in places the engine does not control: the oplog (until it rolls over), the storage
 * engine's files until their space is reused, and every backup taken before the erasure. The
 * erasure is complete only when these have aged out; keep backups and the oplog window within the
 * erasure period, or keep the keys in the file store. On the embedded server this store is not
 * advised at all: its file keeps old pages, so deleted keys stay readable from it.
 *
 * <p>Destroying a key first inserts its tombstone into {@code subject_key_erasures}, the key
 * store's record that the erasure of that key is recorded.
 *
 * <p>No caching here; see {@link CachingSubjectKeyStore}.
 */
public final class MongoSubjectKeyStore implements SubjectKeyStore {

  /** The collection of the keys. */
  public static final String COLLECTION = "subject_keys";

  /**
   * The collection of the tombstones, one per destroyed key: {@code _id} = key id, a slash and the
   * subject id ({@code *} instead of the key id when an erasure found no key).
   */
  public static final String TOMBSTONES = "subject_key_erasures";

  private static final String ANY_KEY = "*";

  private final MongoCollection<Document> keys;
  private final MongoCollection<Document> tombstones;
  private final Runnable afterWrite;
  private final SecureRandom random;
  private final Clock clock;

  /**
   * @param afterWrite makes a written or deleted key durable where write concern does not (the
   *     embedded server's commit); nothing on a replica set
   */
  public MongoSubjectKeyStore(
      MongoDatabase database, Runnable afterWrite, SecureRandom random, Clock clock) {
    this.keys = database.getCollection(COLLECTION);
    this.tombstones = database.getCollection(TOMBSTONES);
    this.afterWrite = afterWrite;
    this.random = random;
    this.clock = clock;
  }

  /** A store in the given database, for a MongoDB whose write concern makes writes durable. */
  public static MongoSubjectKeyStore in(MongoDatabase database) {
    return new MongoSubjectKeyStore(database, () -> {}, new SecureRandom(), Clock.systemUTC());
  }

  @Override
  public SubjectKey currentKey(String subject) {
    Optional<SubjectKey> existing = read(subject);
    if (existing.isPresent()) {
      return existing.get();
    }
    SubjectKey made = SubjectKey.generate(subject, random, clock.instant());
    try {
      Unconfirmed.unknownIfUnconfirmed(
          "A new subject key",
          () ->
              keys.insertOne(
                  new Document("_id", subject)
                      .append("kid", made.kid())
                      .append("key", new Binary(made.key().getEncoded()))
                      .append("createdAt", Date.from(made.createdAt()))));
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw new IllegalStateException("A subject key could not be stored", e);
      }
      return read(subject)
          .orElseThrow(() -> new IllegalStateException("A subject key vanished while made"));
    }
    afterWrite.run();
    return made;
  }

  @Override
  public Optional<SubjectKey> find(String subject, String kid) {
    return read(subject).filter(key -> key.kid().equals(kid));
  }

  @Override
  public Optional<String> keyId(String subject) {
    return read(subject).map(SubjectKey::kid);
  }

  /** Inserts the key's tombstone, then deletes the key if it is still the subject's. */
  @Override
  public boolean destroy(String subject, String kid) {
    try {
      tombstones.insertOne(
          new Document("_id", (kid == null ? ANY_KEY : kid) + "/" + subject)
              .append("erasedAt", Date.from(clock.instant())));
      afterWrite.run();
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw new IllegalStateException("The erasure of a subject key could not be recorded", e);
      }
    }
    if (kid == null) {
      return false;
    }
    boolean deleted =
        keys.deleteOne(Filters.and(Filters.eq("_id", subject), Filters.eq("kid", kid)))
                .getDeletedCount()
            > 0;
    if (deleted) {
      afterWrite.run();
    }
    return deleted;
  }

  @Override
  public boolean erased(String subject, String kid) {
    return tombstones
            .find(Filters.in("_id", kid + "/" + subject, ANY_KEY + "/" + subject))
            .limit(1)
            .first()
        != null;
  }

  @Override
  public boolean isEmpty() {
    return keys.find().limit(1).first() == null && tombstones.find().limit(1).first() == null;
  }

  @Override
  public String location() {
    return "the MongoDB collection " + COLLECTION;
  }

  @Override
  public boolean exists(String subject) {
    return keys.find(Filters.eq("_id", subject)).limit(1).first() != null;
  }

  @Override
  public Optional<Instant> createdAt(String subject) {
    return read(subject).map(SubjectKey::createdAt);
  }

  private Optional<SubjectKey> read(String subject) {
    Document document = keys.find(Filters.eq("_id", subject)).first();
    if (document == null) {
      return Optional.empty();
    }
    Binary key = document.get("key", Binary.class);
    String kid = document.getString("kid");
    Date createdAt = document.getDate("createdAt");
    if (key == null || kid == null || createdAt == null) {
      throw new IllegalStateException("A stored subject key is damaged");
    }
    return Optional.of(
        new SubjectKey(subject, kid, SubjectKey.aes(key.getData()), createdAt.toInstant()));
  }
}
