package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.rathaus.application.shared.EventCoverage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/**
 * When a read model counts as caught up with the head stored at start: every segment processed here
 * has passed it without failing or replaying; a segment held by another instance counts only once
 * claims have settled and it is not free to claim.
 */
class ReadinessTest {

  private static final String NAME = "request-views";
  private static final TrackingToken HEAD = new GlobalSequenceTrackingToken(29);

  private final TokenStore tokens = mock(TokenStore.class);
  private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
  private final Map<Integer, EventTrackerStatus> here = new HashMap<>();
  private final Map<String, Set<Integer>> heldByLiveInstances = new HashMap<>();
  private final Readiness readiness =
      new Readiness(
          mock(EventProcessingConfiguration.class),
          mock(StreamableMessageSource.class),
          tokens,
          processor -> heldByLiveInstances.getOrDefault(processor, Set.of()),
          EventCoverage.TOKENS,
          mock(ApplicationEventPublisher.class));

  ReadinessTest() {
    when(processor.getName()).thenReturn(NAME);
    when(processor.processingStatus()).thenReturn(here);
    when(tokens.fetchSegments(NAME)).thenReturn(new int[] {0, 1});
    when(tokens.fetchAvailableSegments(NAME)).thenReturn(List.of());
  }

  private static EventTrackerStatus at(long position, boolean failing, boolean replaying) {
    EventTrackerStatus status = mock(EventTrackerStatus.class);
    when(status.getTrackingToken()).thenReturn(new GlobalSequenceTrackingToken(position));
    when(status.isErrorState()).thenReturn(failing);
    when(status.isReplaying()).thenReturn(replaying);
    return status;
  }

  @Test
  void passedWhenEverySegmentHereHasPassedTheHead() {
    here.put(0, at(29, false, false));
    here.put(1, at(30, false, false));

    assertThat(readiness.passed(processor, HEAD, false)).isTrue();
  }

  @Test
  void notPassedWhileOneSegmentIsBehind() {
    here.put(0, at(29, false, false));
    here.put(1, at(28, false, false));

    assertThat(readiness.passed(processor, HEAD, true)).isFalse();
  }

  @Test
  void notPassedWhileASegmentFailsOrReplays() {
    here.put(0, at(29, true, false));
    here.put(1, at(29, false, false));
    assertThat(readiness.passed(processor, HEAD, true)).isFalse();

    here.put(0, at(29, false, true));
    assertThat(readiness.passed(processor, HEAD, true)).isFalse();
  }

  @Test
  void notPassedBeforeTheProcessorHasSetUpItsSegments() {
    when(tokens.fetchSegments(NAME)).thenReturn(new int[0]);

    assertThat(readiness.passed(processor, HEAD, true)).isFalse();
  }

  @Test
  void nothingStoredIsPassedAtOnce() {
    assertThat(readiness.passed(processor, null, false)).isTrue();
  }

  @Test
  void aSegmentHeldByAnotherInstanceCountsOnlyOnceClaimsHaveSettled() {
    here.put(0, at(29, false, false));

    assertThat(readiness.passed(processor, HEAD, false))
        .as("its owner may have died: its claim has not expired yet")
        .isFalse();
    assertThat(readiness.passed(processor, HEAD, true)).as("its owner keeps its claim").isTrue();
  }

  @Test
  void aSegmentHeldByAnInstanceSeenAliveCountsBeforeClaimsHaveSettled() {
    here.put(0, at(29, false, false));
    heldByLiveInstances.put(NAME, Set.of(1));

    assertThat(readiness.passed(processor, HEAD, false))
        .as("its owner's beat was seen to move: it applies the segment")
        .isTrue();
  }

  @Test
  void aSegmentFreeToClaimIsWaitedFor() {
    here.put(0, at(29, false, false));
    Segment free = Segment.computeSegment(1, 0, 1);
    when(tokens.fetchAvailableSegments(NAME)).thenReturn(List.of(free));

    assertThat(readiness.passed(processor, HEAD, true)).isFalse();
  }
}
