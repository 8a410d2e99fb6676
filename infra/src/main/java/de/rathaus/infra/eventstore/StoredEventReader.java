package de.rathaus.infra.eventstore;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  /** The events stored at these positions, in position order; other positions are left out. */
  public List<RecordedEvent> atPositions(Collection<Long> wanted) {
    return storedAt(wanted).stream().map(RecordedEvent::of).toList();
  }

  /**
   * What a window of positions holds: the events whose commits are decided, in position order, and
   * the lowest position that is still open (holds neither such an event nor a tombstone: nothing
   * stored yet, or a commit not yet decided), or {@code null} if none is.
   */
  public record Window(List<RecordedEvent> events, Long firstOpen) {}

  /** Reads a window of positions (at most a few hundred). */
  public Window window(Collection<Long> wanted) {
    List<StoredEvent> found = new ArrayList<>();
    lookup.fetch(wanted, found);
    List<StoredEvent> decided = decided(found);
    Set<Long> settled = new HashSet<>();
    for (StoredEvent slot : found) {
      if (slot.tombstone()) {
        settled.add(slot.globalIndex());
      }
    }
    decided.forEach(e -> settled.add(e.globalIndex()));
    Long firstOpen =
        wanted.stream().filter(p -> !settled.contains(p)).min(Long::compare).orElse(null);
    return new Window(decided.stream().map(RecordedEvent::of).toList(), firstOpen);
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

  private List<StoredEvent> decided(List<StoredEvent> found) {
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
    for (StoredEvent slot : found) {
      if (!slot.tombstone()) {
        stored.add(slot.globalIndex());
      }
    }
    if (!deciders.isEmpty()) {
      List<StoredEvent> more = new ArrayList<>();
      lookup.fetch(deciders, more);
      for (StoredEvent slot : more) {
        if (!slot.tombstone()) {
          stored.add(slot.globalIndex());
        }
      }
    }
    return found.stream()
        .filter(slot -> !slot.tombstone() && stored.contains(slot.decider()))
        .sorted(Comparator.comparingLong(StoredEvent::globalIndex))
        .toList();
  }
}
