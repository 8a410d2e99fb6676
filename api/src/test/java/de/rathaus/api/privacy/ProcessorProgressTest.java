package de.rathaus.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.rathaus.application.shared.EventCoverage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/**
 * Whether the requests' read model has applied every stored event: its processor's tokens must
 * cover the event store's head, not only say "caught up", which a segment keeps saying while a
 * newly stored event waits to be fetched.
 */
class ProcessorProgressTest {

  private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);

  @SuppressWarnings("unchecked")
  private final StreamableMessageSource<?> events = mock(StreamableMessageSource.class);

  private final ProcessorProgress progress =
      new ProcessorProgress(() -> Optional.of(processor), events, EventCoverage.TOKENS);

  private static TrackingToken at(long position, Long... gaps) {
    return GapAwareTrackingToken.newInstance(position, List.of(gaps));
  }

  private static EventTrackerStatus caughtUpAt(TrackingToken token) {
    EventTrackerStatus status = mock(EventTrackerStatus.class);
    when(status.isCaughtUp()).thenReturn(true);
    when(status.getTrackingToken()).thenReturn(token);
    return status;
  }

  private void given(TrackingToken head, EventTrackerStatus... segments) {
    when(events.createHeadToken()).thenReturn(head);
    when(processor.isRunning()).thenReturn(true);
    Map<Integer, EventTrackerStatus> status = new java.util.HashMap<>();
    for (int i = 0; i < segments.length; i++) {
      status.put(i, segments[i]);
    }
    when(processor.processingStatus()).thenReturn(status);
  }

  @Test
  void everythingStoredIsAppliedWhenEverySegmentCoversTheHead() {
    given(at(6), caughtUpAt(at(6)), caughtUpAt(at(7)));

    assertThat(progress.hasAppliedEverythingStored()).isTrue();
  }

  @Test
  void aRequestStoredButNotYetFetchedIsNotApplied() {
    given(at(6), caughtUpAt(at(5)), caughtUpAt(at(6)));

    assertThat(progress.hasAppliedEverythingStored()).isFalse();
  }

  @Test
  void aPositionStillOpenInTheStoreMayStayOpenInTheToken() {
    given(at(6, 4L), caughtUpAt(at(6, 4L)));
    assertThat(progress.hasAppliedEverythingStored()).isTrue();

    given(at(6), caughtUpAt(at(6, 4L)));
    assertThat(progress.hasAppliedEverythingStored())
        .as("stored meanwhile, not yet applied")
        .isFalse();
  }

  @Test
  void theStoreTellsWhetherAGapTheHeadDoesNotListStillHoldsAnEventToApply() {
    // position 4 was given up after the segment passed it: a tombstone, no event to apply
    EventCoverage store =
        (token, head) -> token.equals(at(6, 4L)) && head.equals(at(6)) || token.covers(head);
    ProcessorProgress asked = new ProcessorProgress(() -> Optional.of(processor), events, store);
    given(at(6), caughtUpAt(at(6, 4L)));

    assertThat(asked.hasAppliedEverythingStored()).isTrue();
  }

  @Test
  void anEmptyStoreNeedsOnlyRunningSegments() {
    given(null, caughtUpAt(null));

    assertThat(progress.hasAppliedEverythingStored()).isTrue();
  }

  @Test
  void aReplayAnErrorOrNoSegmentsIsNotApplied() {
    EventTrackerStatus failed = caughtUpAt(at(6));
    when(failed.isErrorState()).thenReturn(true);
    given(at(6), failed);
    assertThat(progress.hasAppliedEverythingStored()).isFalse();

    given(at(6));
    assertThat(progress.hasAppliedEverythingStored()).isFalse();

    given(at(6), caughtUpAt(at(6)));
    when(processor.isReplaying()).thenReturn(true);
    assertThat(progress.hasAppliedEverythingStored()).isFalse();

    assertThat(
            new ProcessorProgress(Optional::empty, events, EventCoverage.TOKENS)
                .hasAppliedEverythingStored())
        .isFalse();
  }
}
