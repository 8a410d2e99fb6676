package de.rathaus.api.shared;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-your-writes (docs/design.md section 6), the one mechanism every command endpoint uses: it
 * runs the command, notes the events it produced, and waits until each read model the endpoint
 * answers from has applied those of them it handles — woken by the read model's processor, within a
 * bound. Then the caller's next read through this instance shows the change. If the bound passes (a
 * processor far behind, or the aggregate's segment processed by another instance), the endpoint
 * answers with what the read model has.
 */
public final class ReadYourWrites {

  private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);

  /** How long a command endpoint waits for its read models at most. */
  public static final Duration BOUND = Duration.ofSeconds(5);

  private final ProducedEvents produced;
  private final ReadModelProgress progress;
  private final Supplier<EventProcessingConfiguration> processing;
  private final boolean enabled;

  /**
   * @param enabled whether endpoints wait at all (off only to measure what the wait costs)
   */
  public ReadYourWrites(
      ProducedEvents produced,
      ReadModelProgress progress,
      Supplier<EventProcessingConfiguration> processing,
      boolean enabled) {
    this.produced = produced;
    this.progress = progress;
    this.processing = processing;
    this.enabled = enabled;
  }

  /**
   * Runs {@code command} (which sends one or more commands) and answers its result once the read
   * models named {@code readModels} show what it changed.
   */
  public <T> T run(Supplier<T> command, String... readModels) {
    return capturing(command, readModels).result();
  }

  /** As {@link #run}, answering also the events the command produced. */
  public <T> ProducedEvents.Captured<T> capturing(Supplier<T> command, String... readModels) {
    ProducedEvents.Captured<T> captured = produced.during(command);
    if (enabled) {
      awaitApplied(captured.events(), readModels);
    }
    return captured;
  }

  private void awaitApplied(List<DomainEventMessage<?>> events, String... readModels) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    for (String readModel : readModels) {
      for (Map.Entry<String, Long> newest : newestHandledBy(readModel, events).entrySet()) {
        if (!progress.await(
            readModel, newest.getKey(), newest.getValue(), deadline - System.nanoTime())) {
          LOG.warn("Read model {} did not catch up within {}", readModel, BOUND);
          return;
        }
      }
    }
  }

  /** Per aggregate, the newest of the events that read model {@code name} handles. */
  private Map<String, Long> newestHandledBy(String name, List<DomainEventMessage<?>> events) {
    EventProcessor processor =
        processing
            .get()
            .eventProcessor(name)
            .orElseThrow(() -> new IllegalStateException("No read model is called " + name));
    Map<String, Long> newest = new HashMap<>();
    for (DomainEventMessage<?> event : events) {
      if (handles(processor, event.getPayloadType())) {
        newest.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max);
      }
    }
    return newest;
  }

  private static boolean handles(EventProcessor processor, Class<?> payloadType) {
    return !(processor instanceof AbstractEventProcessor handling)
        || handling.eventHandlerInvoker().canHandleType(payloadType);
  }
}
