package de.rathaus.infra.eventstore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;

/**
 * Fetches the next batch for a processor: {@code $in} of its open gaps and the next positions after
 * its token, skipping windows of abandoned positions, and builds the gap-aware token of each event.
 */
final class EventTracking {

  private static final int MAX_EMPTY_WINDOWS = 1_000;
  private static final int MAX_REMEMBERED_DEADLINES = 100_000;

  private final PositionLookup lookup;
  private final GlobalPositions positions;
  private final Clock clock;
  private final long gapTimeoutMillis;
  private final int maxGapOffset;

  /** When a gap's position can no longer be written: the lease of a later reservation is over. */
  private final Map<Long, Long> gapDeadlines = new ConcurrentHashMap<>();

  EventTracking(
      PositionLookup lookup,
      GlobalPositions positions,
      Clock clock,
      long gapTimeoutMillis,
      int maxGapOffset) {
    this.lookup = lookup;
    this.positions = positions;
    this.clock = clock;
    this.gapTimeoutMillis = gapTimeoutMillis;
    this.maxGapOffset = maxGapOffset;
  }

  List<TrackedEventData<?>> fetch(GapAwareTrackingToken token, int batchSize) {
    long index = token == null ? 0 : token.getIndex();
    SortedSet<Long> gaps = token == null ? new TreeSet<>() : new TreeSet<>(token.getGaps());

    List<StoredEvent> found = new ArrayList<>();
    long windowStart = index + 1;
    lookup.fetch(gaps, found);
    for (int window = 0; window < MAX_EMPTY_WINDOWS; window++) {
      int before = found.size();
      lookup.fetch(PositionLookup.range(windowStart, batchSize), found);
      if (found.size() > before) {
        break;
      }
      // Nothing in this window: are later positions reserved, or are we at the head?
      if (positions.highestReserved() < windowStart + batchSize) {
        break;
      }
      windowStart += batchSize;
    }
    lookAgainBelowTheNewest(found, index, gaps);
    found.sort(Comparator.comparingLong(StoredEvent::globalIndex));

    long now = clock.millis();
    Set<Long> filled = new HashSet<>();
    for (StoredEvent event : found) {
      filled.add(event.globalIndex());
    }
    SortedSet<Long> openGaps = dropExpiredGaps(gaps, filled, index, now);
    List<TrackedEventData<?>> result = new ArrayList<>(found.size());
    for (StoredEvent event : found) {
      long position = event.globalIndex();
      if (openGaps.remove(position)) {
        // a late commit fills a gap
      } else if (position > index) {
        boolean laterCommitsMayStillLand = event.reservedAt() + gapTimeoutMillis > now;
        for (long gap = Math.max(index + 1, position - maxGapOffset); gap < position; gap++) {
          if (laterCommitsMayStillLand) {
            openGaps.add(gap);
            gapDeadlines.putIfAbsent(gap, event.reservedAt() + gapTimeoutMillis);
          }
        }
        index = position;
      } else {
        continue; // an event we have already seen (a gap given up on before it was filled)
      }
      openGaps = new TreeSet<>(openGaps.tailSet(index - maxGapOffset));
      result.add(event.tracked(GapAwareTrackingToken.newInstance(index, openGaps)));
    }
    if (gapDeadlines.size() > MAX_REMEMBERED_DEADLINES) {
      gapDeadlines.clear();
    }
    return result;
  }

  /**
   * A query is no snapshot: an event can land between the lookups of one fetch, so that a later
   * event of an aggregate is found while its predecessor, committed just before it, was looked up
   * too early. Every predecessor of a found event was committed before that event, so one more
   * lookup of the positions still missing below the newest found one, made after the first lookups
   * ended, finds it; delivering out of the aggregate's order is thus impossible.
   */
  private void lookAgainBelowTheNewest(List<StoredEvent> found, long index, SortedSet<Long> gaps) {
    if (found.isEmpty()) {
      return;
    }
    long newest = found.stream().mapToLong(StoredEvent::globalIndex).max().getAsLong();
    Set<Long> have = new HashSet<>();
    for (StoredEvent event : found) {
      have.add(event.globalIndex());
    }
    Set<Long> missing = new LinkedHashSet<>();
    for (Long gap : gaps) {
      if (gap < newest && !have.contains(gap)) {
        missing.add(gap);
      }
    }
    for (long position = index + 1; position < newest; position++) {
      if (!have.contains(position)) {
        missing.add(position);
      }
    }
    if (!missing.isEmpty()) {
      lookup.fetch(missing, found);
    }
  }

  /**
   * Gives up on gaps whose positions can no longer be written: a position reserved after them has a
   * lease that is over, so theirs is over too. Deadlines unknown after a restart are learned from
   * the nearest stored event above each gap.
   */
  private SortedSet<Long> dropExpiredGaps(
      SortedSet<Long> gaps, Set<Long> filled, long index, long now) {
    SortedSet<Long> open = new TreeSet<>();
    List<Long> unknown = new ArrayList<>();
    for (Long gap : gaps) {
      if (!gapDeadlines.containsKey(gap) && !filled.contains(gap)) {
        unknown.add(gap);
      }
    }
    if (!unknown.isEmpty()) {
      learnDeadlines(unknown, index);
    }
    for (Long gap : gaps) {
      Long deadline = gapDeadlines.get(gap);
      if (filled.contains(gap) || deadline == null || deadline > now) {
        open.add(gap);
      } else {
        gapDeadlines.remove(gap);
      }
    }
    return open;
  }

  private void learnDeadlines(List<Long> unknownGaps, long index) {
    Set<Long> probes = new LinkedHashSet<>();
    for (Long gap : unknownGaps) {
      probes.add(gap + 1);
    }
    probes.add(index);
    List<StoredEvent> witnesses = new ArrayList<>();
    lookup.fetch(probes, witnesses);
    TreeSet<Long> witnessPositions = new TreeSet<>();
    Map<Long, Long> reservedAt = new LinkedHashMap<>();
    for (StoredEvent witness : witnesses) {
      witnessPositions.add(witness.globalIndex());
      reservedAt.put(witness.globalIndex(), witness.reservedAt());
    }
    for (Long gap : unknownGaps) {
      Long witness = witnessPositions.higher(gap);
      if (witness != null) {
        gapDeadlines.put(gap, reservedAt.get(witness) + gapTimeoutMillis);
      }
    }
  }
}
