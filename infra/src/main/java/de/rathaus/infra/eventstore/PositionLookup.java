package de.rathaus.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.BsonDocument;

/**
 * Looks stored events up by global position: {@code $in} on the unique {@code globalIndex}, in
 * chunks small enough for the embedded server, which checks every hit against the whole list.
 */
final class PositionLookup {

  /** Keys per {@code $in}. */
  static final int MAX_KEYS_PER_QUERY = 128;

  private final MongoCollection<BsonDocument> events;

  PositionLookup(MongoCollection<BsonDocument> events) {
    this.events = events;
  }

  /** Adds the events stored at the {@code wanted} positions to {@code into}, in no order. */
  void fetch(Collection<Long> wanted, List<StoredEvent> into) {
    List<Long> keys = new ArrayList<>(wanted);
    for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_QUERY) {
      List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS_PER_QUERY));
      for (BsonDocument document : events.find(Filters.in(EventDocuments.GLOBAL_INDEX, chunk))) {
        into.add(EventDocuments.fromDocument(document));
      }
    }
  }

  /** The positions {@code first} to {@code first + count - 1}. */
  static List<Long> range(long first, int count) {
    List<Long> positions = new ArrayList<>(count);
    for (long p = first; p < first + count; p++) {
      positions.add(p);
    }
    return positions;
  }
}
