package de.rathaus.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one commit: reserves its global positions, inserts its events (the first event of each
 * aggregate first, where a conflict can occur), makes them durable, and turns a failure into what
 * Axon expects.
 */
final class EventAppender {

  private static final Logger log = LoggerFactory.getLogger(EventAppender.class);
  private static final int DUPLICATE_KEY = 11000;

  /** Turns a failed insert into Axon's exception (Axon's resolver decides concurrency). */
  @FunctionalInterface
  interface PersistenceFailure {
    void raise(Exception e, EventMessage<?> failed);
  }

  private final MongoCollection<BsonDocument> events;
  private final MongoNamespace countersNamespace;
  private final GlobalPositions positions;
  private final AggregatePositions aggregates;
  private final StoreDurability durability;
  private final AppendHook appendHook;
  private final PersistenceFailure persistenceFailure;

  EventAppender(
      MongoCollection<BsonDocument> events,
      MongoNamespace countersNamespace,
      GlobalPositions positions,
      AggregatePositions aggregates,
      StoreDurability durability,
      AppendHook appendHook,
      PersistenceFailure persistenceFailure) {
    this.events = events;
    this.countersNamespace = countersNamespace;
    this.positions = positions;
    this.aggregates = aggregates;
    this.durability = durability;
    this.appendHook = appendHook;
    this.persistenceFailure = persistenceFailure;
  }

  void append(List<? extends EventMessage<?>> commit, EventDocuments documents) {
    List<EventMessage<?>> ordered = conflictCandidatesFirst(commit);
    List<BsonDocument> prepared = new ArrayList<>(ordered.size());
    for (EventMessage<?> event : ordered) {
      prepared.add(documents.toDocument(event, 0, 0));
    }
    long after = aggregates.toFollow(commit);
    GlobalPositions.Reservation reservation = positions.reserve(commit.size(), after);
    appendHook.beforeInsert(commit);
    while (!positions.usable(reservation)) {
      // The lease is over: readers may already have given these positions up.
      reservation = positions.reserve(commit.size(), after);
    }
    Map<EventMessage<?>, Integer> offsetOf = new IdentityHashMap<>();
    for (int i = 0; i < commit.size(); i++) {
      offsetOf.put(commit.get(i), i);
    }
    Map<EventMessage<?>, Long> positionOf = new IdentityHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      int offset = offsetOf.get(ordered.get(i));
      positionOf.put(ordered.get(i), reservation.position(offset));
      prepared.get(i).put(EventDocuments.GLOBAL_INDEX, new BsonInt64(reservation.position(offset)));
      prepared
          .get(i)
          .put(EventDocuments.RESERVED_AT, new BsonInt64(reservation.reservedAt(offset)));
    }
    try {
      events.insertMany(prepared, new InsertManyOptions().ordered(true));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().isEmpty()) {
        // only the write concern failed: the events may or may not be stored, as after a timeout
        throw new EventStoreException("The database did not confirm the append", e);
      }
      BulkWriteError error = e.getWriteErrors().get(0);
      compensate(prepared.subList(0, error.getIndex()));
      failAppend(e, error.getCode(), error.getMessage(), ordered.get(error.getIndex()));
    } catch (MongoWriteException e) {
      failAppend(e, e.getError().getCode(), e.getError().getMessage(), ordered.get(0));
    }
    try {
      durability.appended(events.getNamespace(), countersNamespace, prepared, reservation.last());
    } catch (RuntimeException e) {
      compensate(prepared);
      throw new EventStoreException("The append could not be made durable", e);
    }
    for (EventMessage<?> event : commit) {
      if (event instanceof DomainEventMessage<?> domain
          && domain.getAggregateIdentifier() != null) {
        aggregates.remember(domain.getAggregateIdentifier(), positionOf.get(event));
      }
    }
  }

  /**
   * Within one commit, a conflict can only occur at the first event of each aggregate (the later
   * ones follow it). Writing those first keeps what a failed commit leaves behind to compensate as
   * small as possible.
   */
  private static List<EventMessage<?>> conflictCandidatesFirst(
      List<? extends EventMessage<?>> events) {
    List<EventMessage<?>> first = new ArrayList<>();
    List<EventMessage<?>> rest = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (EventMessage<?> event : events) {
      if (event instanceof DomainEventMessage<?> domain
          && domain.getAggregateIdentifier() != null
          && seen.add(domain.getAggregateIdentifier())) {
        first.add(event);
      } else {
        rest.add(event); // later events of an aggregate, and events of no aggregate
      }
    }
    first.addAll(rest);
    return first;
  }

  private void compensate(List<BsonDocument> inserted) {
    if (inserted.isEmpty()) {
      return;
    }
    List<BsonValue> ids = inserted.stream().map(d -> d.get(EventDocuments.ID)).toList();
    events.deleteMany(Filters.in(EventDocuments.ID, ids));
    durability.removed(events.getNamespace(), ids);
    log.warn("Removed {} events of a commit that failed part-way", ids.size());
  }

  private void failAppend(Exception e, int code, String message, EventMessage<?> failed) {
    if (code == DUPLICATE_KEY || ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY) {
      if (message != null && message.contains(EventDocuments.EVENT_ID)) {
        throw new EventStoreException(
            "An event with identifier [" + failed.getIdentifier() + "] is already stored", e);
      }
      if (message != null && message.contains(EventDocuments.GLOBAL_INDEX)) {
        throw new EventStoreException(
            "The global position counter is behind the stored events; the store needs repair", e);
      }
    }
    persistenceFailure.raise(e, failed);
  }
}
