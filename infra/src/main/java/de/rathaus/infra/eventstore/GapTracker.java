package de.rathaus.infra.eventstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;

/**
 * Decides, for one fetch of a processor, which of the events found it may be given, which positions
 * stay open as gaps of its token, and which positions it gives up. No I/O: the fetch looks the
 * positions up, this decides, the fetch writes the tombstones, this builds the tokens.
 *
 * <p>A position below the newest event delivered is one of: an event of a decided commit
 * (delivered), a tombstone or an event of an aborted commit (never delivered, not a gap), an event
 * of a commit whose last event is not stored yet (pending: a gap), or nothing (a gap). A gap is
 * given up only by a tombstone at it, or, for a pending commit, at the commit's last position: so a
 * commit lands either where readers see it, or nowhere. The wall clock only decides when a gap is
 * given up (its deadline: the reservation instant of a later event plus the gap timeout), and gaps
 * further than {@code maxGapOffset} below the newest event are given up at once, to keep tokens
 * small; neither can lose an event.
 */
final class GapTracker {

  private static final int MAX_REMEMBERED_DEADLINES = 100_000;

  private final long gapTimeoutMillis;
  private final int maxGapOffset;

  /** Per gap, the wall-clock instant after which it is given up. */
  private final Map<Long, Long> deadlines = new ConcurrentHashMap<>();

  GapTracker(long gapTimeoutMillis, int maxGapOffset) {
    this.gapTimeoutMillis = gapTimeoutMillis;
    this.maxGapOffset = maxGapOffset;
  }

  private enum State {
    READY,
    RESOLVED,
    PENDING,
    MISSING
  }

  /**
   * One fetch's view: the token it started from, the slots found (events and tombstones by
   * position), and the slots found at the last positions of commits (evidence only: an event found
   * there is not delivered in this fetch, its predecessors may not have been looked up after it).
   */
  record Found(
      long index,
      SortedSet<Long> gaps,
      Map<Long, StoredEvent> slots,
      Map<Long, StoredEvent> deciders) {

    State state(long position) {
      StoredEvent slot = slots.get(position);
      if (slot == null) {
        return State.MISSING;
      }
      if (slot.tombstone()) {
        return State.RESOLVED;
      }
      long decider = slot.decider();
      if (decider == position) {
        return State.READY;
      }
      StoredEvent last = slots.containsKey(decider) ? slots.get(decider) : deciders.get(decider);
      if (last == null) {
        return State.PENDING;
      }
      return last.tombstone() ? State.RESOLVED : State.READY;
    }
  }

  /** What to deliver, and which positions to give up first. */
  record Plan(Found found, List<Long> ready, Set<Long> giveUp) {}

  /** The token's gaps whose deadline this instance does not know (it restarted meanwhile). */
  List<Long> unknownDeadlines(Found found) {
    List<Long> unknown = new ArrayList<>();
    for (Long gap : found.gaps()) {
      if (!deadlines.containsKey(gap) && found.state(gap) != State.READY) {
        unknown.add(gap);
      }
    }
    return unknown;
  }

  /** Learns the deadlines of gaps from the nearest events stored above them. */
  void learn(Collection<Long> gaps, Collection<StoredEvent> witnesses) {
    TreeMap<Long, Long> reservedAt = new TreeMap<>();
    for (StoredEvent witness : witnesses) {
      if (!witness.tombstone()) {
        reservedAt.put(witness.globalIndex(), witness.reservedAt());
      }
    }
    for (Long gap : gaps) {
      Map.Entry<Long, Long> above = reservedAt.higherEntry(gap);
      if (above != null) {
        deadlines.putIfAbsent(gap, above.getValue() + gapTimeoutMillis);
      }
    }
  }

  Plan plan(Found found, long now) {
    long index = found.index();
    List<Long> ready = new ArrayList<>();
    List<Long> pendingAhead = new ArrayList<>();
    for (Long position : new TreeSet<>(found.slots().keySet())) {
      State state = found.state(position);
      if (state == State.READY && (position > index || found.gaps().contains(position))) {
        ready.add(position);
      } else if (state == State.PENDING && position > index) {
        pendingAhead.add(position);
      }
    }
    long newest = ready.isEmpty() ? index : Math.max(index, ready.get(ready.size() - 1));
    Set<Long> giveUp = new HashSet<>();
    for (Long gap : found.gaps()) {
      consider(found, gap, deadlines.get(gap), newest, now, giveUp);
    }
    // new gaps between the token and the newest event: deadline from the nearest event above
    long nearestReservedAt = -1;
    for (long position = newest - 1; position > index; position--) {
      StoredEvent slot = found.slots().get(position + 1);
      if (slot != null && !slot.tombstone()) {
        nearestReservedAt = slot.reservedAt();
      }
      State state = found.state(position);
      if (state == State.MISSING && nearestReservedAt >= 0) {
        deadlines.putIfAbsent(position, nearestReservedAt + gapTimeoutMillis);
      }
      consider(found, position, deadlines.get(position), newest, now, giveUp);
    }
    for (Long position : pendingAhead) {
      if (position >= newest) {
        consider(found, position, null, newest, now, giveUp);
      }
    }
    if (deadlines.size() > MAX_REMEMBERED_DEADLINES) {
      deadlines.clear(); // forgetting only means learning them again from the store
    }
    return new Plan(found, ready, giveUp);
  }

  /** Adds what to give up for a gap that is over its deadline or too far behind. */
  private void consider(
      Found found, long position, Long deadline, long newest, long now, Set<Long> giveUp) {
    State state = found.state(position);
    boolean tooFarBehind = position < newest - maxGapOffset;
    if (state == State.MISSING) {
      if (tooFarBehind || (deadline != null && deadline <= now)) {
        giveUp.add(position);
      }
    } else if (state == State.PENDING) {
      StoredEvent slot = found.slots().get(position);
      if (tooFarBehind || slot.reservedAt() + gapTimeoutMillis <= now) {
        giveUp.add(slot.decider()); // the commit's last position: the whole commit is aborted
      }
    }
  }

  /**
   * The events to hand to the processor, each with its token, once the positions in {@code givenUp}
   * hold tombstones (those whose tombstone could not be written stay gaps).
   */
  List<TrackedEventData<?>> deliver(Plan plan, Set<Long> givenUp) {
    Found found = plan.found();
    long index = found.index();
    SortedSet<Long> open = new TreeSet<>();
    for (Long gap : found.gaps()) {
      if (!resolved(found, gap, givenUp)) {
        open.add(gap);
      } else {
        deadlines.remove(gap);
      }
    }
    List<TrackedEventData<?>> result = new ArrayList<>(plan.ready().size());
    for (Long position : plan.ready()) {
      if (open.remove(position)) {
        deadlines.remove(position); // a late commit fills a gap
      } else if (position > index) {
        for (long gap = index + 1; gap < position; gap++) {
          if (!resolved(found, gap, givenUp)) {
            open.add(gap);
          } else {
            deadlines.remove(gap);
          }
        }
        index = position;
      } else {
        continue;
      }
      result.add(
          found.slots().get(position).tracked(GapAwareTrackingToken.newInstance(index, open)));
    }
    return result;
  }

  private static boolean resolved(Found found, long position, Set<Long> givenUp) {
    State state = found.state(position);
    if (state == State.RESOLVED || state == State.READY) {
      return state == State.RESOLVED;
    }
    if (givenUp.contains(position)) {
      return true;
    }
    return state == State.PENDING && givenUp.contains(found.slots().get(position).decider());
  }
}
