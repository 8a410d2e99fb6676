package de.rathaus.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import de.rathaus.application.shared.OutcomeUnknown;
import java.time.Clock;
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
 * Writes one commit: reserves its global positions, inserts its events in one ordered {@code
 * insertMany} with the commit's last event last (a commit of several counts once that one is
 * stored), makes them durable, and turns a failure into what Axon expects.
 *
 * <p>If a reader gave one of the positions up meanwhile (a tombstone holds it), nothing of the
 * commit counts: what was inserted is removed, the positions are given up too, and the commit is
 * written again at new positions. A write whose answer did not come is reported as {@link
 * OutcomeUnknown}, never as refused: it may still become visible.
 */
final class EventAppender {

  private static final Logger log = LoggerFactory.getLogger(EventAppender.class);
  private static final int DUPLICATE_KEY = 11000;

  /** Commits whose positions keep being given up are refused after this many attempts. */
  static final int MAX_ATTEMPTS = 5;

  /** Turns a failed insert into Axon's exception (Axon's resolver decides concurrency). */
  @FunctionalInterface
  interface PersistenceFailure {
    void raise(Exception e, EventMessage<?> failed);
  }

  private final MongoCollection<BsonDocument> events;
  private final GlobalPositions positions;
  private final AggregatePositions aggregates;
  private final DecidedCommits commits;

  /**
   * The events as the primary holds them ({@code local} read concern, primary only): for what a
   * duplicate key the primary reported is about. A majority read may not show yet the tombstone or
   * event the insert collided with, and would turn a collision to write again into a refusal.
   */
  private final MongoCollection<BsonDocument> onPrimary;

  private final PositionLookup lookupOnPrimary;
  private final Tombstones tombstones;
  private final AppendHook appendHook;
  private final PersistenceFailure persistenceFailure;
  private final Clock clock;
  private final long gapTimeoutMillis;

  EventAppender(
      MongoCollection<BsonDocument> events,
      GlobalPositions positions,
      AggregatePositions aggregates,
      DecidedCommits commits,
      Tombstones tombstones,
      AppendHook appendHook,
      PersistenceFailure persistenceFailure,
      Clock clock,
      long gapTimeoutMillis) {
    this.events = events;
    this.positions = positions;
    this.aggregates = aggregates;
    this.commits = commits;
    this.onPrimary =
        events.withReadConcern(ReadConcern.LOCAL).withReadPreference(ReadPreference.primary());
    this.lookupOnPrimary = new PositionLookup(onPrimary);
    this.tombstones = tombstones;
    this.appendHook = appendHook;
    this.persistenceFailure = persistenceFailure;
    this.clock = clock;
    this.gapTimeoutMillis = gapTimeoutMillis;
  }

  void append(List<? extends EventMessage<?>> commit, EventDocuments documents) {
    List<EventMessage<?>> ordered = insertionOrder(commit);
    Map<EventMessage<?>, Integer> offsetOf = new IdentityHashMap<>();
    for (int i = 0; i < commit.size(); i++) {
      offsetOf.put(commit.get(i), i);
    }
    List<BsonDocument> prepared = new ArrayList<>(ordered.size());
    int[] offsets = new int[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      prepared.add(documents.toDocument(ordered.get(i), 0, 0));
      offsets[i] = offsetOf.get(ordered.get(i));
    }
    long after = aggregates.toFollow(commit);
    GlobalPositions.Reservation reservation = null;
    for (int attempt = 1; reservation == null; attempt++) {
      GlobalPositions.Reservation candidate = positions.reserve(commit.size(), after);
      if (attempt == 1) {
        appendHook.beforeInsert(commit);
      }
      while (!positions.usable(candidate)) {
        // The lease is over: readers may already have given these positions up.
        candidate = positions.reserve(commit.size(), after);
      }
      place(prepared, offsets, candidate);
      if (insert(prepared, ordered)) {
        reservation = candidate;
        if (commit.size() > 1) {
          commits.remember(candidate.last());
        }
      } else if (attempt == MAX_ATTEMPTS) {
        throw new EventStoreException(
            "Readers gave the commit's positions up " + attempt + " times; nothing was stored");
      }
    }
    for (EventMessage<?> event : commit) {
      if (event instanceof DomainEventMessage<?> domain
          && domain.getAggregateIdentifier() != null) {
        // the commit's last position: a later commit of the aggregate must come after all of it
        aggregates.remember(domain.getAggregateIdentifier(), reservation.last());
      }
    }
    giveUpLeftBehind();
  }

  /**
   * Gives up at once the positions of blocks this instance left unused (after its commit is stored,
   * so the commit does not wait for it before its own insert). Should that fail, they stay gaps
   * that readers give up after the gap timeout, as before.
   */
  private void giveUpLeftBehind() {
    List<Long> left = positions.leftBehind();
    if (left.isEmpty()) {
      return;
    }
    try {
      tombstones.giveUp(left);
    } catch (RuntimeException e) {
      log.debug("Could not give up {} unused positions now: {}", left.size(), e.toString());
    }
  }

  private static void place(
      List<BsonDocument> prepared, int[] offsets, GlobalPositions.Reservation reservation) {
    boolean several = prepared.size() > 1;
    for (int i = 0; i < prepared.size(); i++) {
      BsonDocument document = prepared.get(i);
      document.put(EventDocuments.GLOBAL_INDEX, new BsonInt64(reservation.position(offsets[i])));
      document.put(EventDocuments.RESERVED_AT, new BsonInt64(reservation.reservedAt(offsets[i])));
      if (several) {
        document.put(EventDocuments.COMMIT_END, new BsonInt64(reservation.last()));
      }
    }
  }

  /**
   * Inserts the commit; true once stored, false if a position was given up (write it again). Throws
   * Axon's exception for a conflict, {@link OutcomeUnknown} if the answer did not come.
   */
  private boolean insert(List<BsonDocument> prepared, List<EventMessage<?>> ordered) {
    int failedAt;
    int code;
    String message;
    Exception failure;
    try {
      events.insertMany(prepared, new InsertManyOptions().ordered(true));
      return true;
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().isEmpty()) {
        // every event was written, but the write concern was not confirmed in time
        throw unknown(e);
      }
      failedAt = e.getWriteErrors().get(0).getIndex();
      code = e.getWriteErrors().get(0).getCode();
      message = e.getWriteErrors().get(0).getMessage();
      failure = e;
    } catch (MongoWriteException e) {
      failedAt = 0;
      code = e.getError().getCode();
      message = e.getError().getMessage();
      failure = e;
    } catch (MongoWriteConcernException
        | MongoExecutionTimeoutException
        | MongoOperationTimeoutException
        | MongoInterruptedException e) {
      throw unknown(e);
    } catch (MongoSocketException e) {
      if (e instanceof MongoSocketOpenException) {
        throw e; // never sent
      }
      throw unknown(e);
    } catch (MongoCommandException e) {
      // the command as a whole failed after it was sent: the server may have applied it (the
      // embedded server answers so when it cannot journal a write it already holds)
      throw unknown(e);
    }
    // The commit's last event was not written (it is written last), so nothing of it counts.
    List<BsonDocument> inserted = prepared.subList(0, failedAt);
    BsonDocument rejected = prepared.get(failedAt);
    if (isDuplicateKey(code)) {
      if (names(message, EventDocuments.GLOBAL_INDEX)) {
        if (heldByTombstone(rejected)) {
          abandon(inserted);
          return false;
        }
        abandon(inserted);
        throw new EventStoreException(
            "The global position counter is behind the stored events; the store needs repair",
            failure);
      }
      if (names(message, EventDocuments.EVENT_ID)) {
        abandon(inserted);
        throw new EventStoreException(
            "An event with identifier ["
                + ordered.get(failedAt).getIdentifier()
                + "] is already stored",
            failure);
      }
      if (removedOrphan(rejected.get(EventDocuments.ID))) {
        abandon(inserted);
        return false;
      }
    }
    abandon(inserted);
    persistenceFailure.raise(failure, ordered.get(failedAt));
    throw new EventStoreException("The append failed", failure);
  }

  private static OutcomeUnknown unknown(MongoException e) {
    return new OutcomeUnknown(
        "The database did not confirm the append in time; it may or may not be stored", e);
  }

  private boolean heldByTombstone(BsonDocument rejected) {
    List<StoredEvent> there = new ArrayList<>();
    lookupOnPrimary.fetch(
        List.of(rejected.getNumber(EventDocuments.GLOBAL_INDEX).longValue()), there);
    return !there.isEmpty() && there.get(0).tombstone();
  }

  /**
   * An event at the same aggregate and sequence is in the way. If it belongs to a commit that was
   * aborted (or was left undecided longer than the gap timeout, which is then aborted), it is no
   * event of the aggregate: it is removed, and the commit written again.
   */
  private boolean removedOrphan(BsonValue id) {
    BsonDocument existing = onPrimary.find(Filters.eq(EventDocuments.ID, id)).first();
    if (existing == null) {
      return true; // removed meanwhile
    }
    StoredEvent event = EventDocuments.fromDocument(existing);
    long decider = event.decider();
    if (decider == event.globalIndex()) {
      return false;
    }
    List<StoredEvent> there = new ArrayList<>();
    lookupOnPrimary.fetch(List.of(decider), there);
    boolean aborted = !there.isEmpty() && there.get(0).tombstone();
    if (there.isEmpty() && event.reservedAt() + gapTimeoutMillis <= clock.millis()) {
      aborted = tombstones.giveUp(List.of(decider)).contains(decider);
    }
    if (!aborted) {
      return false;
    }
    events.deleteOne(
        Filters.and(
            Filters.eq(EventDocuments.ID, id),
            Filters.eq(EventDocuments.GLOBAL_INDEX, event.globalIndex())));
    log.warn("Removed an event of an aborted commit that was in the way");
    return true;
  }

  /**
   * Removes what was inserted of a commit that will not count. Its positions stay empty; readers
   * give them up after the gap timeout, as any abandoned position.
   */
  private void abandon(List<BsonDocument> inserted) {
    if (!inserted.isEmpty()) {
      List<BsonValue> ids = inserted.stream().map(d -> d.get(EventDocuments.ID)).toList();
      events.deleteMany(Filters.in(EventDocuments.ID, ids));
      log.warn("Removed {} events of a commit that failed part-way", ids.size());
    }
  }

  private static boolean isDuplicateKey(int code) {
    return code == DUPLICATE_KEY
        || ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY;
  }

  /** Whether a duplicate-key message names the index of {@code field}. */
  private static boolean names(String message, String field) {
    return message != null && message.contains("index: " + field);
  }

  /**
   * The order of insertion: the commit's last event last (the commit counts once it is stored);
   * before it the first event of each aggregate, where a conflict can occur (the later ones follow
   * it), so that what a failed commit leaves to remove is as small as possible.
   */
  static List<EventMessage<?>> insertionOrder(List<? extends EventMessage<?>> events) {
    List<EventMessage<?>> first = new ArrayList<>();
    List<EventMessage<?>> rest = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (EventMessage<?> event : events.subList(0, events.size() - 1)) {
      if (event instanceof DomainEventMessage<?> domain
          && domain.getAggregateIdentifier() != null
          && seen.add(domain.getAggregateIdentifier())) {
        first.add(event);
      } else {
        rest.add(event); // later events of an aggregate, and events of no aggregate
      }
    }
    first.addAll(rest);
    first.add(events.get(events.size() - 1));
    return first;
  }
}
