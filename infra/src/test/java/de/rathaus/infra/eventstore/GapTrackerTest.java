package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.junit.jupiter.api.Test;

/** Which events a processor is given, which positions stay gaps, and which it gives up. */
class GapTrackerTest {

  private static final long TIMEOUT = 1_000;
  private static final long T0 = 1_000_000;

  private final GapTracker tracker = new GapTracker(TIMEOUT, 50);
  private final Map<Long, StoredEvent> slots = new HashMap<>();
  private final Map<Long, StoredEvent> deciders = new HashMap<>();

  private void event(long position, long reservedAt) {
    slots.put(position, stored(position, reservedAt, 0));
  }

  private void eventOfCommit(long position, long reservedAt, long commitEnd) {
    slots.put(position, stored(position, reservedAt, commitEnd));
  }

  private void tombstone(long position) {
    slots.put(position, StoredEvent.tombstone(position));
  }

  private static StoredEvent stored(long position, long reservedAt, long commitEnd) {
    return new StoredEvent(
        position,
        "event-" + position,
        "Case",
        "case-" + position,
        0,
        java.time.Instant.EPOCH,
        "Noted",
        "1",
        null,
        null,
        reservedAt,
        commitEnd,
        false);
  }

  private GapTracker.Plan plan(long index, Set<Long> gaps, long now) {
    return tracker.plan(new GapTracker.Found(index, new TreeSet<>(gaps), slots, deciders), now);
  }

  private static List<Long> positions(List<TrackedEventData<?>> delivered) {
    return delivered.stream().map(e -> e.trackingToken().position().getAsLong()).toList();
  }

  private static SortedSet<Long> gapsAfter(List<TrackedEventData<?>> delivered) {
    GapAwareTrackingToken last =
        (GapAwareTrackingToken) delivered.get(delivered.size() - 1).trackingToken();
    return last.getGaps();
  }

  @Test
  void deliversInOrderAndKeepsMissingPositionsAsGaps() {
    event(1, T0);
    event(3, T0);
    event(4, T0);

    GapTracker.Plan plan = plan(0, Set.of(), T0);
    List<TrackedEventData<?>> delivered = tracker.deliver(plan, Set.of());

    assertThat(plan.giveUp()).isEmpty();
    assertThat(positions(delivered)).containsExactly(1L, 3L, 4L);
    assertThat(gapsAfter(delivered)).containsExactly(2L);
  }

  @Test
  void givesAMissingPositionUpOnlyOnceTheEventAboveItIsOlderThanTheTimeout() {
    event(2, T0);

    assertThat(plan(0, Set.of(), T0 + TIMEOUT - 1).giveUp()).isEmpty();
    assertThat(plan(0, Set.of(), T0 + TIMEOUT).giveUp()).containsExactly(1L);
  }

  @Test
  void aGapIsDroppedOnlyWhenItsTombstoneWasWritten() {
    event(2, T0);
    GapTracker.Plan plan = plan(0, Set.of(), T0 + TIMEOUT);

    assertThat(gapsAfter(tracker.deliver(plan, Set.of()))).containsExactly(1L);
    assertThat(gapsAfter(tracker.deliver(plan, Set.of(1L)))).isEmpty();
  }

  @Test
  void aLateEventFillsItsGapWithoutMovingTheIndex() {
    event(1, T0);
    event(3, T0);

    List<TrackedEventData<?>> delivered = tracker.deliver(plan(3, Set.of(1L, 2L), T0), Set.of());

    assertThat(positions(delivered)).containsExactly(3L);
    GapAwareTrackingToken token = (GapAwareTrackingToken) delivered.get(0).trackingToken();
    assertThat(token.getIndex()).isEqualTo(3);
    assertThat(token.getGaps()).containsExactly(2L);
  }

  @Test
  void tombstonesAreNeitherDeliveredNorGaps() {
    tombstone(1);
    tombstone(2);
    event(3, T0);

    List<TrackedEventData<?>> delivered = tracker.deliver(plan(0, Set.of(), T0), Set.of());

    assertThat(positions(delivered)).containsExactly(3L);
    assertThat(gapsAfter(delivered)).isEmpty();
  }

  @Test
  void anEventWhoseCommitIsNotDecidedIsAGapAndNotDelivered() {
    eventOfCommit(1, T0, 2); // the commit's last event, at 2, is not stored yet
    event(3, T0);

    List<TrackedEventData<?>> delivered = tracker.deliver(plan(0, Set.of(), T0), Set.of());

    assertThat(positions(delivered)).containsExactly(3L);
    assertThat(gapsAfter(delivered)).containsExactly(1L, 2L);
  }

  @Test
  void aCommitIsDeliveredWholeOnceItsLastEventIsStored() {
    eventOfCommit(1, T0, 3);
    eventOfCommit(2, T0, 3);
    eventOfCommit(3, T0, 3);

    assertThat(positions(tracker.deliver(plan(0, Set.of(), T0), Set.of())))
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void theLastEventOfACommitFoundBeyondTheWindowDecidesButIsNotDelivered() {
    eventOfCommit(1, T0, 5);
    deciders.put(5L, stored(5, T0, 5));

    GapTracker.Plan plan = plan(0, Set.of(), T0);

    assertThat(positions(tracker.deliver(plan, Set.of()))).containsExactly(1L);
  }

  @Test
  void aPendingCommitPastTheTimeoutIsAbortedAtItsLastPosition() {
    eventOfCommit(1, T0, 2);
    event(3, T0 + 10 * TIMEOUT);

    GapTracker.Plan plan = plan(0, Set.of(), T0 + TIMEOUT);
    assertThat(plan.giveUp()).containsExactly(2L);

    List<TrackedEventData<?>> delivered = tracker.deliver(plan, Set.of(2L));
    assertThat(positions(delivered)).containsExactly(3L);
    assertThat(gapsAfter(delivered)).isEmpty();
  }

  @Test
  void anEventOfAnAbortedCommitIsNeverDelivered() {
    eventOfCommit(1, T0, 2);
    tombstone(2);
    event(3, T0);

    List<TrackedEventData<?>> delivered = tracker.deliver(plan(0, Set.of(), T0), Set.of());

    assertThat(positions(delivered)).containsExactly(3L);
    assertThat(gapsAfter(delivered)).isEmpty();
  }

  @Test
  void aPendingCommitAheadOfEverythingDeliveredIsAbortedAfterTheTimeoutToo() {
    eventOfCommit(1, T0, 2);

    assertThat(plan(0, Set.of(), T0).giveUp()).isEmpty();
    assertThat(plan(0, Set.of(), T0 + TIMEOUT).giveUp()).containsExactly(2L);
  }

  @Test
  void gapsFarBelowTheNewestEventAreGivenUpAtOnce() {
    event(100, T0);

    GapTracker.Plan plan = plan(0, Set.of(), T0);

    assertThat(plan.giveUp()).hasSize(49).allMatch(p -> p < 50);
    assertThat(gapsAfter(tracker.deliver(plan, plan.giveUp()))).hasSize(50).first().isEqualTo(50L);
  }

  @Test
  void aGapWhoseDeadlineIsUnknownAfterARestartIsLearntFromTheEventAboveIt() {
    event(5, T0);
    GapTracker.Found found = new GapTracker.Found(5, new TreeSet<>(Set.of(2L)), Map.of(), Map.of());

    assertThat(tracker.unknownDeadlines(found)).containsExactly(2L);
    tracker.learn(List.of(2L), List.of(stored(3, T0, 0)));

    assertThat(tracker.unknownDeadlines(found)).isEmpty();
    assertThat(tracker.plan(found, T0 + TIMEOUT).giveUp()).containsExactly(2L);
  }
}
