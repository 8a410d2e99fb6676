package de.rathaus.api.privacy;

import de.rathaus.application.privacy.ReadModelProgress;
import de.rathaus.application.shared.EventCoverage;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * A read model's progress as this instance's processor of it shows it, against the event store's
 * head: the head is read first, then every segment's token must have every event of it ({@link
 * EventCoverage}). A segment's "caught up" alone is not enough: it stays true while an event stored
 * a moment ago waits to be fetched. Processors hold segments on one instance, so on another
 * instance this is false, and only one instance runs what depends on it.
 */
final class ProcessorProgress implements ReadModelProgress {

  private final Supplier<Optional<StreamingEventProcessor>> processor;
  private final StreamableMessageSource<?> events;
  private final EventCoverage coverage;

  ProcessorProgress(
      Supplier<Optional<StreamingEventProcessor>> processor,
      StreamableMessageSource<?> events,
      EventCoverage coverage) {
    this.processor = processor;
    this.events = events;
    this.coverage = coverage;
  }

  @Override
  public boolean hasAppliedEverythingStored() {
    TrackingToken head = events.createHeadToken();
    return processor.get().map(p -> applied(p, head, coverage)).orElse(false);
  }

  /**
   * Whether the processor runs, is not replaying, holds segments and has applied, on every one of
   * them, every event up to {@code head} ({@code null}: the store is empty).
   */
  static boolean applied(
      StreamingEventProcessor processor, TrackingToken head, EventCoverage coverage) {
    Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
    return processor.isRunning()
        && !processor.isReplaying()
        && !segments.isEmpty()
        && segments.values().stream()
            .allMatch(
                s ->
                    s.isCaughtUp()
                        && !s.isReplaying()
                        && !s.isErrorState()
                        && coverage.hasEverythingOf(s.getTrackingToken(), head));
  }
}
