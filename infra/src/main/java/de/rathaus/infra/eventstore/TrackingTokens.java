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

  TrackingTokens(PositionLookup lookup, GlobalPositions positions, int batchSize) {
    this.lookup = lookup;
    this.positions = positions;
    this.batchSize = batchSize;
  }

  TrackingToken head() {
    long highest = positions.highestReserved();
    // Positions near the head may belong to commits still under way: the head is the newest
    // stored one, missing positions below it stay open as gaps, those above it come next anyway.
    long recentStart = Math.max(1, highest - batchSize + 1);
    List<StoredEvent> stored = new ArrayList<>();
    lookup.fetch(PositionLookup.range(recentStart, (int) (highest - recentStart + 1)), stored);
    long head = recentStart - 1;
    Set<Long> present = new HashSet<>();
    for (StoredEvent slot : decided(stored)) {
      present.add(slot.globalIndex());
      head = Math.max(head, slot.globalIndex());
    }
    if (head <= 0) {
      return null;
    }
    SortedSet<Long> gaps = new TreeSet<>();
    for (long position = recentStart; position < head; position++) {
      if (!present.contains(position)) {
        gaps.add(position);
      }
    }
    return GapAwareTrackingToken.newInstance(head, gaps);
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
