package de.rathaus.infra.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * What a database says about its personal data, in the collection {@value #COLLECTION}: one
 * document {@code {_id: "format", envelopes: "v3", keyStore: <id>, createdAt}}, written on the
 * first start (before any event is stored) and checked on every start. It tells, without reading
 * the history, which envelopes the events hold, and which key store their keys are in: a key
 * directory holds the same id in its file {@value KeyStoreChecks#ID_FILE}.
 *
 * <p>{@code v3}: binary envelopes, and text ones (v2) stored before them. A database marked {@code
 * v2} (written before envelopes became binary) is marked {@code v3} on its first start by this
 * version, before anything is written: a version that reads text envelopes alone then refuses to
 * start on it, instead of reading binary envelopes as plain values.
 *
 * <p>A database that holds events but no marker was written by an earlier version, whose envelopes
 * (format v1) are not bound to their records: the engine refuses to start on it.
 */
final class StoreMarker {

  static final String COLLECTION = "privacy_store";

  /** The event store's collection (MongoEventStorageEngine's default). */
  static final String EVENTS = "events";

  private static final String ID = "format";

  private StoreMarker() {}

  /**
   * Checks the marker, writing it if the database is new; answers the id of the database's key
   * store.
   *
   * @param proposedKeyStore the id to record if the database has none yet (the key directory's, if
   *     it has one)
   * @param afterWrite makes the written marker durable where write concern does not
   * @throws IllegalStateException if the database was written by an earlier version
   */
  static String check(MongoDatabase database, String proposedKeyStore, Runnable afterWrite) {
    MongoCollection<Document> markers = database.getCollection(COLLECTION);
    Document marker = markers.find(Filters.eq("_id", ID)).first();
    if (marker == null) {
      if (database.getCollection(EVENTS).find().limit(1).first() != null) {
        throw new IllegalStateException(
            "This database holds events but no marker of their personal-data format: it was"
                + " written by an earlier version, whose envelopes (format v1) are not bound to"
                + " their records and are no longer read. Start on an empty data directory (or an"
                + " empty MongoDB database); there is no migration of v1 data.");
      }
      try {
        markers.insertOne(
            new Document("_id", ID)
                .append("envelopes", FieldCipher.Sealed.BINARY)
                .append("keyStore", proposedKeyStore)
                .append("createdAt", Date.from(Instant.now())));
        afterWrite.run();
      } catch (MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        // another instance started at the same moment and wrote it
      }
      marker = markers.find(Filters.eq("_id", ID)).first();
    }
    if (FieldCipher.Sealed.TEXT.equals(marker.getString("envelopes"))) {
      markers.updateOne(
          Filters.and(Filters.eq("_id", ID), Filters.eq("envelopes", FieldCipher.Sealed.TEXT)),
          Updates.set("envelopes", FieldCipher.Sealed.BINARY));
      afterWrite.run();
      marker = markers.find(Filters.eq("_id", ID)).first();
    }
    if (!FieldCipher.Sealed.BINARY.equals(marker.getString("envelopes"))) {
      throw new IllegalStateException(
          "This database holds personal data in envelopes of format "
              + marker.getString("envelopes")
              + ", which this version does not read (it reads "
              + FieldCipher.Sealed.TEXT
              + " and "
              + FieldCipher.Sealed.BINARY
              + ")");
    }
    return marker.getString("keyStore");
  }
}
