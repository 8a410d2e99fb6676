package de.rathaus.infra.eventstore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;

/**
 * Fetches the next batch for a processor: {@code $in} of its open gaps and the next positions after
 * its token, skipping windows of abandoned or given-up positions; then lets the {@link GapTracker}
 * decide what to deliver and which gaps to give up, and writes those tombstones before any token
 * moves past them.
 */
final class EventTracking {

  private static final int MAX_EMPTY_WINDOWS = 1_000;

  private final PositionLookup lookup;
  private final Tombstones tombstones;
  private final GlobalPositions positions;
  private final Clock clock;
  private final GapTracker tracker;

  EventTracking(
      PositionLookup lookup,
      Tombstones tombstones,
      GlobalPositions positions,
      Clock clock,
      GapTracker tracker) {
    this.lookup = lookup;
    this.tombstones = tombstones;
    this.positions = positions;
    this.clock = clock;
    this.tracker = tracker;
  }

  List<TrackedEventData<?>> fetch(GapAwareTrackingToken token, int batchSize) {
    long index = token == null ? 0 : token.getIndex();
    SortedSet<Long> gaps = token == null ? new TreeSet<>() : new TreeSet<>(token.getGaps());

    Map<Long, StoredEvent> found = new HashMap<>();
    fetchInto(gaps, found);
    long windowStart = index + 1;
    for (int window = 0; window < MAX_EMPTY_WINDOWS; window++) {
      Map<Long, StoredEvent> inWindow = new HashMap<>();
      fetchInto(PositionLookup.range(windowStart, batchSize), inWindow);
      found.putAll(inWindow);
      if (inWindow.values().stream().anyMatch(slot -> !slot.tombstone())) {
        break;
      }
      // Nothing to deliver in this window: are later positions reserved, or are we at the head?
      if (positions.highestReserved() < windowStart + batchSize) {
        break;
      }
      windowStart += batchSize;
    }
    lookAgainBelowTheNewest(found, index, gaps);
    Map<Long, StoredEvent> deciders = decidersOf(found);

    GapTracker.Found view = new GapTracker.Found(index, gaps, found, deciders);
    List<Long> unknown = tracker.unknownDeadlines(view);
    if (!unknown.isEmpty()) {
      Set<Long> probes = new LinkedHashSet<>();
      for (Long gap : unknown) {
        probes.add(gap + 1);
      }
      probes.add(index);
      List<StoredEvent> witnesses = new ArrayList<>(found.values());
      lookup.fetch(probes, witnesses);
      tracker.learn(unknown, witnesses);
    }
    GapTracker.Plan plan = tracker.plan(view, clock.millis());
    Set<Long> givenUp = plan.giveUp().isEmpty() ? Set.of() : tombstones.giveUp(plan.giveUp());
    return tracker.deliver(plan, givenUp);
  }

  private void fetchInto(Collection<Long> wanted, Map<Long, StoredEvent> into) {
    List<StoredEvent> slots = new ArrayList<>();
    lookup.fetch(wanted, slots);
    for (StoredEvent slot : slots) {
      into.put(slot.globalIndex(), slot);
    }
  }

  /**
   * A query is no snapshot: an event can land between the lookups of one fetch, so that a later
   * event of an aggregate is found while its predecessor, committed just before it, was looked up
   * too early. Every predecessor of a found event was committed before that event, so one more
   * lookup of the positions still missing below the newest found one, made after the first lookups
   * ended, finds it; delivering out of the aggregate's order is thus impossible.
   */
  private void lookAgainBelowTheNewest(
      Map<Long, StoredEvent> found, long index, SortedSet<Long> gaps) {
    if (found.isEmpty()) {
      return;
    }
    long newest = found.keySet().stream().mapToLong(Long::longValue).max().getAsLong();
    Set<Long> missing = new LinkedHashSet<>();
    for (Long gap : gaps) {
      if (gap < newest && !found.containsKey(gap)) {
        missing.add(gap);
      }
    }
    for (long position = index + 1; position < newest; position++) {
      if (!found.containsKey(position)) {
        missing.add(position);
      }
    }
    if (!missing.isEmpty()) {
      fetchInto(missing, found);
    }
  }

  /** The last positions of the commits of found events, where they were not found themselves. */
  private Map<Long, StoredEvent> decidersOf(Map<Long, StoredEvent> found) {
    Set<Long> wanted = new LinkedHashSet<>();
    for (StoredEvent slot : found.values()) {
      if (!slot.tombstone() && !found.containsKey(slot.decider())) {
        wanted.add(slot.decider());
      }
    }
    Map<Long, StoredEvent> deciders = new HashMap<>();
    if (!wanted.isEmpty()) {
      fetchInto(wanted, deciders);
    }
    return deciders;
  }
}
