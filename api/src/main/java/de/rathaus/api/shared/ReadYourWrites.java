package de.rathaus.api.shared;

import de.rathaus.application.shared.AppliedSequences;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
 * answers from has applied those of them it handles, within a bound. Then the caller's next read
 * through this instance shows the change.
 *
 * <p>It is woken at once when a processor of this instance applies the events. With several
 * instances, the aggregate's segment may be processed by another one, which reports nothing here:
 * so for a read model whose records each follow one aggregate (they carry the sequence of the last
 * event applied) it also looks at the stored record every {@link #LOOK_AGAIN}, which costs at most
 * one look-again. These are {@code request-views}, {@code case-views}, {@code open311-requests}
 * (requests), {@code service-catalogue}, {@code departments}, {@code action-fields}, {@code
 * consultations}, {@code open311-keys}, and {@code proposals} for the proposal's own events.
 *
 * <p>What cannot be probed so waits for this instance's processor only: the supports and ratings of
 * a proposal (their own aggregates, counted into the proposal's tally by tracking token, not by
 * sequence: the stored record's sequence says nothing about them), and the read models whose
 * records follow no single aggregate ({@code moderation-log}, {@code notification-outbox}). There,
 * if another instance processes the segment, the wait runs to its bound. It never takes a stored
 * sequence for an aggregate of another type than the read model's records follow, so nothing stale
 * counts as applied. If the bound passes (a processor far behind), the endpoint answers with what
 * the read model has.
 */
public final class ReadYourWrites {

  private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);

  /** How long a command endpoint waits for its read models at most. */
  public static final Duration BOUND = Duration.ofSeconds(5);

  /** How often the stored records are looked at while no processor of this instance reports. */
  static final Duration LOOK_AGAIN = Duration.ofMillis(25);

  private final ProducedEvents produced;
  private final ReadModelProgress progress;
  private final Supplier<EventProcessingConfiguration> processing;
  private final boolean enabled;
  private final Duration bound;

  /**
   * @param enabled whether endpoints wait at all (off only to measure what the wait costs)
   */
  public ReadYourWrites(
      ProducedEvents produced,
      ReadModelProgress progress,
      Supplier<EventProcessingConfiguration> processing,
      boolean enabled) {
    this(produced, progress, processing, enabled, BOUND);
  }

  /** As the public constructor, waiting at most {@code bound} (tests only). */
  ReadYourWrites(
      ProducedEvents produced,
      ReadModelProgress progress,
      Supplier<EventProcessingConfiguration> processing,
      boolean enabled,
      Duration bound) {
    this.produced = produced;
    this.progress = progress;
    this.processing = processing;
    this.enabled = enabled;
    this.bound = bound;
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
    long deadline = System.nanoTime() + bound.toNanos();
    for (String readModel : readModels) {
      for (Newest newest : newestHandledBy(readModel, events).values()) {
        if (!applied(readModel, newest, deadline)) {
          LOG.warn("Read model {} did not catch up within {}", readModel, bound);
          return;
        }
      }
    }
  }

  /**
   * Waits until this instance's processor reports the event, or the stored record shows it (applied
   * by another instance). The store is read between waits, not inside them: a wait holds the lock
   * the processors report under.
   */
  private boolean applied(String readModel, Newest newest, long deadline) {
    Optional<AppliedSequences> stored = progress.storedSequences(readModel, newest.type());
    if (stored.isEmpty()) {
      return progress.await(
          readModel, newest.aggregate(), newest.sequence(), deadline - System.nanoTime());
    }
    while (true) {
      long slice = Math.min(deadline - System.nanoTime(), LOOK_AGAIN.toNanos());
      if (progress.await(readModel, newest.aggregate(), newest.sequence(), slice)
          || shows(stored.get(), newest)) {
        return true;
      }
      if (deadline - System.nanoTime() <= 0) {
        return false;
      }
    }
  }

  private static boolean shows(AppliedSequences stored, Newest newest) {
    OptionalLong sequence;
    try {
      sequence = stored.of(newest.aggregate());
    } catch (RuntimeException e) {
      // the store did not answer now: keep waiting for this instance's processor
      LOG.debug("Could not read the stored progress: {}", e.getClass().getName());
      return false;
    }
    return sequence.isPresent() && sequence.getAsLong() >= newest.sequence();
  }

  /** The newest event of one aggregate (of type {@code type}) that a read model handles. */
  private record Newest(String type, String aggregate, long sequence) {}

  /** Per aggregate, the newest of the events that read model {@code name} handles. */
  private Map<String, Newest> newestHandledBy(String name, List<DomainEventMessage<?>> events) {
    EventProcessor processor =
        processing
            .get()
            .eventProcessor(name)
            .orElseThrow(() -> new IllegalStateException("No read model is called " + name));
    Map<String, Newest> newest = new LinkedHashMap<>();
    for (DomainEventMessage<?> event : events) {
      if (handles(processor, event.getPayloadType())) {
        Newest candidate =
            new Newest(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber());
        newest.merge(
            event.getAggregateIdentifier(),
            candidate,
            (was, now) -> now.sequence() > was.sequence() ? now : was);
      }
    }
    return newest;
  }

  private static boolean handles(EventProcessor processor, Class<?> payloadType) {
    return !(processor instanceof AbstractEventProcessor handling)
        || handling.eventHandlerInvoker().canHandleType(payloadType);
  }
}
