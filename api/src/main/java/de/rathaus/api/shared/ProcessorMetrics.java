package de.rathaus.api.shared;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * How far each read model (streaming processor) of this instance has come, in positions of the
 * event store, beside Axon's own metrics (latency, capacity, handling times): {@value #POSITION} is
 * the lowest position over the segments it processes here, {@value #BEHIND} how many positions that
 * is short of the store's head (0 when caught up), both tagged {@code processorName}. A processor
 * without segments here (another instance holds them) reports no value (NaN).
 */
final class ProcessorMetrics implements ApplicationListener<ApplicationStartedEvent> {

  static final String POSITION = "rathaus.processor.position";
  static final String BEHIND = "rathaus.processor.behind";

  private final EventProcessingConfiguration processing;
  private final StreamableMessageSource<?> events;
  private final MeterRegistry meters;

  ProcessorMetrics(
      EventProcessingConfiguration processing,
      StreamableMessageSource<?> events,
      MeterRegistry meters) {
    this.processing = processing;
    this.events = events;
    this.meters = meters;
  }

  /** The processors exist once the engine has started; each gets its two gauges. */
  @Override
  public void onApplicationEvent(ApplicationStartedEvent started) {
    processing
        .eventProcessors()
        .forEach(
            (name, processor) -> {
              if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(POSITION, streaming, ProcessorMetrics::position)
                    .description("Lowest event store position the processor has applied here")
                    .tag("processorName", name)
                    .register(meters);
                Gauge.builder(BEHIND, streaming, this::behind)
                    .description("Positions of the event store the processor has not applied yet")
                    .tag("processorName", name)
                    .register(meters);
              }
            });
  }

  static double position(StreamingEventProcessor processor) {
    if (processor.processingStatus().isEmpty()) {
      return Double.NaN;
    }
    long lowest = Long.MAX_VALUE;
    for (EventTrackerStatus status : processor.processingStatus().values()) {
      OptionalLong position = position(status.getTrackingToken());
      lowest = Math.min(lowest, position.orElse(-1));
    }
    return lowest;
  }

  private double behind(StreamingEventProcessor processor) {
    double position = position(processor);
    if (Double.isNaN(position)) {
      return Double.NaN;
    }
    OptionalLong head = position(events.createHeadToken());
    return head.isPresent() ? Math.max(0, head.getAsLong() - position) : 0;
  }

  private static OptionalLong position(TrackingToken token) {
    return token == null ? OptionalLong.empty() : token.position();
  }
}
