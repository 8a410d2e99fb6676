package de.rathaus.infra.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The tokens a processor starts from: the head of the store, or the first event from an instant.
 */
final class TrackingTokens {

  private final PositionLookup lookup;
  private final GlobalPositions positions;
  private final int batchSize;

  /** How far below the counter the head is looked for (given-up positions only: none further). */
  private static final int MAX_HEAD_WINDOWS = 1_000;

  TrackingTokens(PositionLookup lookup, GlobalPositions positions, int batchSize) {
    this.lookup = lookup;
    this.positions = positions;
    this.batchSize = batchSize;
  }

  /**
   * The head: the newest event a processor can be given (not a tombstone, not an event of an
   * aborted commit), so that a processor that has every event covers it, also when the newest
   * positions were given up. Settled positions below it (tombstones, aborted events) are no gaps;
   * missing ones stay gaps, since a commit under way may still fill them.
   */
  TrackingToken head() {
    long highest = positions.highestReserved();
    long lowest = Math.max(1, highest - (long) MAX_HEAD_WINDOWS * batchSize);
    for (long end = highest; end >= lowest; end -= batchSize) {
      long start = Math.max(1, end - batchSize + 1);
      List<StoredEvent> stored = new ArrayList<>();
      lookup.fetch(PositionLookup.range(start, (int) (end - start + 1)), stored);
      List<StoredEvent> settled = decided(stored);
      long head = -1;
      for (StoredEvent slot : settled) {
        if (deliverable(slot, settled)) {
          head = Math.max(head, slot.globalIndex());
        }
      }
      if (head < 0) {
        continue; // only given-up positions here: the head is further down
      }
      Set<Long> present = new HashSet<>();
      settled.forEach(slot -> present.add(slot.globalIndex()));
      SortedSet<Long> gaps = new TreeSet<>();
      for (long position = start; position < head; position++) {
        if (!present.contains(position)) {
          gaps.add(position);
        }
      }
      return GapAwareTrackingToken.newInstance(head, gaps);
    }
    return null;
  }

  /** An event a processor is given: no tombstone, and its commit's last event no tombstone. */
  private boolean deliverable(StoredEvent slot, List<StoredEvent> settled) {
    if (slot.tombstone()) {
      return false;
    }
    for (StoredEvent other : settled) {
      if (other.globalIndex() == slot.decider()) {
        return !other.tombstone();
      }
    }
    List<StoredEvent> decider = new ArrayList<>();
    lookup.fetch(List.of(slot.decider()), decider);
    return !decider.isEmpty() && !decider.get(0).tombstone();
  }

  TrackingToken at(Instant dateTime) {
    long low = 1;
    long high = positions.highestReserved();
    // binary search for the first stored position whose timestamp is at or after dateTime
    long answer = high + 1;
    while (low <= high) {
      long mid = (low + high) >>> 1;
      StoredEvent probe = firstStoredFrom(mid, high);
      if (probe == null) {
        high = mid - 1;
      } else if (!probe.timestamp().isBefore(dateTime)) {
        answer = probe.globalIndex();
        high = mid - 1;
      } else {
        low = probe.globalIndex() + 1;
      }
    }
    if (answer > positions.highestReserved()) {
      return head(); // nothing stored from then on: start after what is stored
    }
    return answer <= 1 ? null : GapAwareTrackingToken.newInstance(answer - 1, List.of());
  }

  private StoredEvent firstStoredFrom(long from, long limit) {
    for (long start = from; start <= limit; start += batchSize) {
      List<StoredEvent> found = new ArrayList<>();
      lookup.fetch(
          PositionLookup.range(start, (int) Math.min(batchSize, limit - start + 1)), found);
      found.removeIf(StoredEvent::tombstone);
      if (!found.isEmpty()) {
        return found.stream().min(Comparator.comparingLong(StoredEvent::globalIndex)).get();
      }
    }
    return null;
  }

  /**
   * The slots that are settled: tombstones and events of decided commits. An event of a commit
   * whose last event is not stored yet stays a gap of the head token, so that it is delivered once
   * its commit is.
   */
  private List<StoredEvent> decided(List<StoredEvent> slots) {
    Map<Long, StoredEvent> byPosition = new HashMap<>();
    for (StoredEvent slot : slots) {
      byPosition.put(slot.globalIndex(), slot);
    }
    Set<Long> unknown = new HashSet<>();
    for (StoredEvent slot : slots) {
      if (!slot.tombstone() && !byPosition.containsKey(slot.decider())) {
        unknown.add(slot.decider());
      }
    }
    Map<Long, StoredEvent> deciders = new HashMap<>(byPosition);
    if (!unknown.isEmpty()) {
      List<StoredEvent> found = new ArrayList<>();
      lookup.fetch(unknown, found);
      found.forEach(d -> deciders.putIfAbsent(d.globalIndex(), d));
    }
    List<StoredEvent> settled = new ArrayList<>();
    for (StoredEvent slot : slots) {
      StoredEvent decider = deciders.get(slot.decider());
      if (slot.tombstone() || decider != null) {
        settled.add(slot); // an event of an aborted commit is settled too: it never comes
      }
    }
    return settled;
  }
}
