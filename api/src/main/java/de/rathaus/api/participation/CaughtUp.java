package de.rathaus.api.participation;

import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.participation.ProposalProjection;
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
 * another request of the same citizen); its answer must count it all the same.
 */
final class CaughtUp {

  /** How often to look again besides when the read model reports progress. */
  private static final long LOOK_AGAIN_NANOS = 20_000_000;

  private final EventStore events;
  private final Supplier<EventProcessingConfiguration> processing;
  private final ReadModelProgress progress;

  CaughtUp(
      EventStore events,
      Supplier<EventProcessingConfiguration> processing,
      ReadModelProgress progress) {
    this.events = events;
    this.processing = processing;
    this.progress = progress;
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

  private static boolean covered(Map<Integer, EventTrackerStatus> segments, TrackingToken head) {
    if (segments.isEmpty()) {
      return false;
    }
    for (EventTrackerStatus segment : segments.values()) {
      TrackingToken token = segment.getTrackingToken();
      if (token == null || !token.covers(head)) {
        return false;
      }
    }
    return true;
  }
}
