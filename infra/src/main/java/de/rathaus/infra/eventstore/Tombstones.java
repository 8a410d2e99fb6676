package de.rathaus.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.BsonDocument;

/**
 * Gives positions up by writing a tombstone at each. The unique {@code globalIndex} decides: a
 * tombstone written means no event can ever be stored there; a duplicate key means an event (or an
 * earlier tombstone) got there first.
 */
final class Tombstones {

  private final MongoCollection<BsonDocument> events;
  private final PositionLookup lookup;

  Tombstones(MongoCollection<BsonDocument> events, PositionLookup lookup) {
    this.events = events;
    this.lookup = lookup;
  }

  /** The positions that now hold a tombstone; the others hold an event (or could not be read). */
  Set<Long> giveUp(Collection<Long> positions) {
    List<Long> wanted = new ArrayList<>(new TreeSet<>(positions));
    Set<Long> given = new HashSet<>(wanted);
    if (wanted.isEmpty()) {
      return given;
    }
    List<BsonDocument> documents = new ArrayList<>(wanted.size());
    for (Long position : wanted) {
      documents.add(EventDocuments.tombstone(position));
    }
    try {
      events.insertMany(documents, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteConcernError() != null) {
        // not confirmed: readers must not move on as if these positions were given up
        throw new EventStoreException("The database did not confirm giving gaps up", e);
      }
      List<Long> taken = new ArrayList<>();
      for (BulkWriteError error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw new EventStoreException("Gaps could not be given up", e);
        }
        taken.add(wanted.get(error.getIndex()));
      }
      given.removeAll(taken);
      List<StoredEvent> there = new ArrayList<>();
      lookup.fetch(taken, there);
      for (StoredEvent slot : there) {
        if (slot.tombstone()) {
          given.add(slot.globalIndex()); // another reader gave it up first
        }
      }
    }
    return given;
  }
}
