package de.rathaus.infra.eventstore;

import com.mongodb.MongoNamespace;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Makes an append durable before the engine acknowledges it. A real MongoDB replica set does this
 * through write concern {@code majority} with journal and needs nothing more; the embedded server
 * keeps writes in memory until its store is committed, so its durability writes the appended events
 * to a journal first (see {@code EmbeddedJournal}).
 */
@FunctionalInterface
public interface StoreDurability {

  /** The document of the global position counter and its field, in the counter namespace. */
  String COUNTER_ID = "globalIndex";

  String COUNTER_FIELD = "value";

  StoreDurability BY_WRITE_CONCERN = (events, counter, documents, highestPosition) -> {};

  /**
   * Called after {@code documents} were inserted into {@code events} and before the append returns.
   *
   * @param counter the namespace of the global position counter, which must end up at least at
   *     {@code highestPosition}
   */
  void appended(
      MongoNamespace events,
      MongoNamespace counter,
      List<BsonDocument> documents,
      long highestPosition);

  /** Called after documents of a failed append were removed again from {@code events}. */
  default void removed(MongoNamespace events, List<BsonValue> ids) {}
}
