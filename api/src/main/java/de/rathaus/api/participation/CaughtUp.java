package de.rathaus.api.participation;

import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.participation.ProposalProjection;
import de.rathaus.application.shared.EventCoverage;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Waits until the proposals' read model has caught up with every event stored so far (its segments'
 * tokens cover the event store's head), within the bound of read-your-writes. A repeated support
 * records nothing, so read-your-writes has no event of its own to wait for, while the support that
 * makes the repeat a no-op may still be on its way to the read model (sent at the same moment by
 * another request of the same citizen); its answer must count it all the same. "Caught up" is asked
 * of the store ({@link EventCoverage}): Axon's comparison of tokens alone waited the whole bound
 * whenever a gap given up after the processor passed it stayed in its token.
 */
final class CaughtUp {

  /** How often to look again besides when the read model reports progress. */
  private static final long LOOK_AGAIN_NANOS = 20_000_000;

  private final EventStore events;
  private final Supplier<EventProcessingConfiguration> processing;
  private final ReadModelProgress progress;
  private final EventCoverage coverage;

  CaughtUp(
      EventStore events,
      Supplier<EventProcessingConfiguration> processing,
      ReadModelProgress progress,
      EventCoverage coverage) {
    this.events = events;
    this.processing = processing;
    this.progress = progress;
    this.coverage = coverage;
  }

  void await() {
    TrackingToken head = events.createHeadToken();
    StreamingEventProcessor processor =
        processing
            .get()
            .eventProcessor(ProposalProjection.NAME, StreamingEventProcessor.class)
            .orElse(null);
    if (processor == null || head == null) {
      return;
    }
    // woken by each event the read models of this instance handle
    progress.await(
        () -> covered(processor.processingStatus(), head),
        ReadYourWrites.BOUND.toNanos(),
        LOOK_AGAIN_NANOS);
  }

  private boolean covered(Map<Integer, EventTrackerStatus> segments, TrackingToken head) {
    if (segments.isEmpty()) {
      return false;
    }
    for (EventTrackerStatus segment : segments.values()) {
      TrackingToken token = segment.getTrackingToken();
      if (!coverage.hasEverythingOf(token, head)) {
        return false;
      }
    }
    return true;
  }
}
