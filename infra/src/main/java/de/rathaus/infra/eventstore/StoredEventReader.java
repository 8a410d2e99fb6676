package de.rathaus.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;

/**
 * Reads stored events for auditors, by the same single-field unique keys the engine reads by:
 * {@code $in} of global positions, and an aggregate's {@code _id}s. Shows what processors deliver:
 * no tombstone, and no event of a commit that is aborted (its last position holds a tombstone) or
 * not decided yet (its last event is not stored yet).
 */
public final class StoredEventReader {

  private final MongoCollection<BsonDocument> events;
  private final PositionLookup lookup;
  private final GlobalPositions positions;

  StoredEventReader(
      MongoCollection<BsonDocument> events, PositionLookup lookup, GlobalPositions positions) {
    this.events = events;
    this.lookup = lookup;
    this.positions = positions;
  }

  /**
   * A reader of the store in {@code database} under the engine's default collection names, for
   * tools that read a stopped engine's store (the history's export) without starting an engine.
   */
  public static StoredEventReader open(MongoDatabase database) {
    MongoCollection<BsonDocument> events = database.getCollection("events", BsonDocument.class);
    PositionLookup lookup = new PositionLookup(events);
    GlobalPositions positions =
        new GlobalPositions(
            database.getCollection("eventstore_counters"),
            java.time.Clock.systemUTC(),
            System::nanoTime,
            java.time.Duration.ofSeconds(10),
            1);
    return new StoredEventReader(events, lookup, positions);
  }

  /** The event of the aggregate at the sequence number, if it is stored and its commit decided. */
  public Optional<RecordedEvent> eventOf(String aggregateId, long sequence) {
    BsonDocument document =
        events
            .find(Filters.eq(EventDocuments.ID, EventDocuments.documentId(aggregateId, sequence)))
            .first();
    return decidedOne(document);
  }

  /** The event with this identifier, if it is stored and its commit decided. */
  public Optional<RecordedEvent> byEventId(String eventId) {
    return decidedOne(events.find(Filters.eq(EventDocuments.EVENT_ID, eventId)).first());
  }

  private Optional<RecordedEvent> decidedOne(BsonDocument document) {
    if (document == null) {
      return Optional.empty();
    }
    return decided(List.of(EventDocuments.fromDocument(document))).stream()
        .findFirst()
        .map(RecordedEvent::of);
  }

  /** The events stored at these positions, in position order; other positions are left out. */
  public List<RecordedEvent> atPositions(Collection<Long> wanted) {
    return storedAt(wanted).stream().map(RecordedEvent::of).toList();
  }

  /**
   * What a window of positions holds: the events whose commits are decided, in position order, and
   * the lowest position that is still open (holds neither such an event, nor a tombstone, nor an
   * event of an aborted commit: nothing stored yet, or a commit not yet decided), or {@code null}
   * if none is; and every open position of the window.
   */
  public record Window(
      List<RecordedEvent> events, Long firstOpen, Set<Long> open, Set<Long> empty) {

    /** Whether the position is open: neither an event nor given up, so far. */
    public boolean isOpen(long position) {
      return open.contains(position);
    }

    /**
     * Whether the position holds no document at all (an open position may also hold an event of a
     * commit not decided yet).
     */
    public boolean isEmpty(long position) {
      return empty.contains(position);
    }
  }

  /** Reads a window of positions (at most a few hundred). */
  public Window window(Collection<Long> wanted) {
    List<StoredEvent> found = new ArrayList<>();
    lookup.fetch(wanted, found);
    Classified classified = classify(found);
    List<StoredEvent> decided = classified.decided();
    Set<Long> settled = new HashSet<>(classified.aborted());
    for (StoredEvent slot : found) {
      if (slot.tombstone()) {
        settled.add(slot.globalIndex());
      }
    }
    decided.forEach(e -> settled.add(e.globalIndex()));
    Set<Long> open = new HashSet<>();
    Set<Long> empty = new HashSet<>(wanted);
    for (StoredEvent slot : found) {
      empty.remove(slot.globalIndex());
    }
    for (Long position : wanted) {
      if (!settled.contains(position)) {
        open.add(position);
      }
    }
    Long firstOpen = open.stream().min(Long::compare).orElse(null);
    return new Window(decided.stream().map(RecordedEvent::of).toList(), firstOpen, open, empty);
  }

  /** The stored events at these positions whose commits are decided, in position order. */
  List<StoredEvent> storedAt(Collection<Long> wanted) {
    List<StoredEvent> found = new ArrayList<>();
    lookup.fetch(wanted, found);
    return decided(found);
  }

  /** Every event of the aggregate, in sequence order: empty if it has none. */
  public List<RecordedEvent> ofAggregate(String aggregateId) {
    AggregateStreams streams =
        new AggregateStreams(events, lookup, new AggregatePositions(), new DecidedCommits());
    return streams.stored(aggregateId, 0, AggregateStreams.FIRST_CHUNK).stream()
        .map(RecordedEvent::of)
        .toList();
  }

  /** The highest position reserved so far: no event is stored above it. */
  public long head() {
    return positions.highestReserved();
  }

  /** Of slots already looked up, the events whose commits are decided, in position order. */
  List<StoredEvent> decided(List<StoredEvent> found) {
    return classify(found).decided();
  }

  /**
   * The found slots' events whose commits are decided (in position order), and the positions of
   * events whose commits are aborted (their last position holds a tombstone): those are settled as
   * surely as a tombstone, they will never count.
   */
  private record Classified(List<StoredEvent> decided, Set<Long> aborted) {}

  private Classified classify(List<StoredEvent> found) {
    Map<Long, StoredEvent> byPosition = new HashMap<>();
    for (StoredEvent slot : found) {
      byPosition.put(slot.globalIndex(), slot);
    }
    Set<Long> deciders = new HashSet<>();
    for (StoredEvent slot : found) {
      if (!slot.tombstone() && !byPosition.containsKey(slot.decider())) {
        deciders.add(slot.decider());
      }
    }
    Set<Long> stored = new HashSet<>();
    Set<Long> tombstones = new HashSet<>();
    for (StoredEvent slot : found) {
      (slot.tombstone() ? tombstones : stored).add(slot.globalIndex());
    }
    if (!deciders.isEmpty()) {
      List<StoredEvent> more = new ArrayList<>();
      lookup.fetch(deciders, more);
      for (StoredEvent slot : more) {
        (slot.tombstone() ? tombstones : stored).add(slot.globalIndex());
      }
    }
    List<StoredEvent> decided = new ArrayList<>();
    Set<Long> aborted = new HashSet<>();
    for (StoredEvent slot : found) {
      if (slot.tombstone()) {
        continue;
      }
      if (stored.contains(slot.decider())) {
        decided.add(slot);
      } else if (tombstones.contains(slot.decider())) {
        aborted.add(slot.globalIndex());
      }
    }
    decided.sort(Comparator.comparingLong(StoredEvent::globalIndex));
    return new Classified(decided, aborted);
  }
}
