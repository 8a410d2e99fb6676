package de.rathaus.api.shared;

import de.rathaus.application.shared.AppliedSequences;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
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
 * <p>For these read models the wait does not depend on another instance at all: if the stored
 * record still does not show the events after {@link #CATCH_UP_AFTER}, this instance brings the
 * record up itself. It reads the aggregate's events after the record's sequence from the event
 * store and applies them, in order, through the read model's own handlers (those of its processor
 * here). The segment's owner may be dead and its claim not expired yet (a takeover takes up to the
 * claim timeout and more), or this instance was just started and has not claimed its share: the
 * answer still shows the change. It is safe beside the owner's processor, which applies the same
 * events later or at the same moment: every write of such a record is conditional on the sequence
 * it was computed from, and a record that has seen an event ignores it (so each event changes a
 * record once, in order). The processor's token is not touched: the owner still applies the events
 * in its turn, and changes nothing with them.
 *
 * <p>What cannot be probed so waits for this instance's processor only: the supports and ratings of
 * a proposal (their own aggregates, counted into the proposal's tally by tracking token, not by
 * sequence: the stored record's sequence says nothing about them), and the read models whose
 * records follow no single aggregate ({@code moderation-log}, {@code notification-outbox}). There,
 * if another instance processes the segment, the wait runs to its bound. It never takes a stored
 * sequence for an aggregate of another type than the read model's records follow, so nothing stale
 * counts as applied. If the bound passes (a processor far behind), the endpoint answers with what
 * the read model has. Time in which the store does not answer (a look that fails or takes longer
 * than {@link #STORE_AWAY}: a restart, a failover) does not count against the bound, up to {@link
 * #STORE_AWAY_LIMIT} in all: a command stored just before the store went away is answered once the
 * store is back and the record shows it.
 */
public final class ReadYourWrites {

  private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);

  /** How long a command endpoint waits for its read models at most. */
  public static final Duration BOUND = Duration.ofSeconds(5);

  /** How often the stored records are looked at while no processor of this instance reports. */
  static final Duration LOOK_AGAIN = Duration.ofMillis(25);

  /**
   * After how long without the stored record showing the events this instance applies them itself
   * (on one instance, or with the owner alive, they are applied long before).
   */
  static final Duration CATCH_UP_AFTER = Duration.ofSeconds(1);

  /**
   * A look at the store that takes longer than this (or fails) finds the store away: the time it
   * took is not counted against the bound, up to {@link #STORE_AWAY_LIMIT} in all.
   */
  static final Duration STORE_AWAY = Duration.ofMillis(500);

  /** The longest a command's answer waits in all, the store's absences included. */
  static final Duration STORE_AWAY_LIMIT = Duration.ofSeconds(30);

  /**
   * The bound of one command's wait: {@link #bound} of the time the store answered in, and never
   * more than {@link #STORE_AWAY_LIMIT} in all (a store restarting, or failing over, mid-wait).
   */
  private static final class Deadline {
    private long at;
    private final long limit;

    Deadline(long now, Duration bound) {
      this.at = now + bound.toNanos();
      this.limit = now + Math.max(bound.toNanos(), STORE_AWAY_LIMIT.toNanos());
    }

    void pause(long nanos) {
      at = Math.min(limit, at + nanos);
    }

    long left(long now) {
      return at - now;
    }
  }

  /**
   * An aggregate's stored events from a sequence number on (the event store's {@code readEvents}).
   */
  @FunctionalInterface
  public interface Histories {
    DomainEventStream from(String aggregate, long firstSequence);
  }

  private final ProducedEvents produced;
  private final ReadModelProgress progress;
  private final Supplier<EventProcessingConfiguration> processing;
  private final Histories histories;
  private final boolean enabled;
  private final Duration bound;

  /**
   * @param enabled whether endpoints wait at all (off only to measure what the wait costs)
   */
  public ReadYourWrites(
      ProducedEvents produced,
      ReadModelProgress progress,
      Supplier<EventProcessingConfiguration> processing,
      Histories histories,
      boolean enabled) {
    this(produced, progress, processing, histories, enabled, BOUND);
  }

  /** As the public constructor, waiting at most {@code bound} (tests only). */
  ReadYourWrites(
      ProducedEvents produced,
      ReadModelProgress progress,
      Supplier<EventProcessingConfiguration> processing,
      Histories histories,
      boolean enabled,
      Duration bound) {
    this.produced = produced;
    this.progress = progress;
    this.processing = processing;
    this.histories = histories;
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

  /**
   * As {@link #run}, for a command that creates an aggregate of type {@code aggregateType}, whose
   * id {@code created} takes from the result: if the command produced no event of it (a retry that
   * found the aggregate stored by an earlier attempt, whose instance died before it answered), it
   * waits until the read models show the aggregate's first event. Otherwise the answer could come
   * before any processor, here or elsewhere, applied the earlier attempt's events, and the caller's
   * next read would not find what it was just told exists.
   */
  public <T> T runCreating(
      String aggregateType,
      Function<T, String> created,
      Supplier<T> command,
      String... readModels) {
    ProducedEvents.Captured<T> captured = capturing(command, readModels);
    String aggregate = created.apply(captured.result());
    boolean producedIt =
        captured.events().stream().anyMatch(e -> aggregate.equals(e.getAggregateIdentifier()));
    if (enabled && !producedIt) {
      Deadline deadline = new Deadline(System.nanoTime(), bound);
      Newest first = new Newest(aggregateType, aggregate, 0);
      for (String readModel : readModels) {
        if (!applied(readModel, first, deadline)) {
          LOG.warn("Read model {} did not show an earlier attempt within {}", readModel, bound);
          break;
        }
      }
    }
    return captured.result();
  }

  private void awaitApplied(List<DomainEventMessage<?>> events, String... readModels) {
    Deadline deadline = new Deadline(System.nanoTime(), bound);
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
   * by another instance, or by this one through {@link #catchUp} once {@link #CATCH_UP_AFTER} has
   * passed). The store is read between waits, not inside them: a wait holds the lock the processors
   * report under.
   */
  private boolean applied(String readModel, Newest newest, Deadline deadline) {
    Optional<AppliedSequences> stored = progress.storedSequences(readModel, newest.type());
    if (stored.isEmpty()) {
      return progress.await(
          readModel, newest.aggregate(), newest.sequence(), deadline.left(System.nanoTime()));
    }
    long catchUpAt = System.nanoTime() + CATCH_UP_AFTER.toNanos();
    while (true) {
      long slice = Math.min(deadline.left(System.nanoTime()), LOOK_AGAIN.toNanos());
      if (progress.await(readModel, newest.aggregate(), newest.sequence(), slice)) {
        return true;
      }
      long asked = System.nanoTime();
      OptionalLong shown = shown(stored.get(), newest);
      long answered = System.nanoTime();
      if (shown != null && shown.isPresent() && shown.getAsLong() >= newest.sequence()) {
        return true;
      }
      if (shown == null || answered - asked > STORE_AWAY.toNanos()) {
        deadline.pause(answered - asked); // the store was away: this time does not count
      }
      if (deadline.left(answered) <= 0) {
        return false;
      }
      if (System.nanoTime() - catchUpAt >= 0 && shown != null) {
        catchUp(readModel, newest, shown.isPresent() ? shown.getAsLong() + 1 : 0);
        catchUpAt = System.nanoTime() + CATCH_UP_AFTER.toNanos();
      }
    }
  }

  /**
   * The sequence the stored record shows (empty: no record yet); {@code null} if the store did not
   * answer now (then the wait is this instance's processor's).
   */
  private static OptionalLong shown(AppliedSequences stored, Newest newest) {
    try {
      return stored.of(newest.aggregate());
    } catch (RuntimeException e) {
      LOG.debug("Could not read the stored progress: {}", e.getClass().getName());
      return null;
    }
  }

  /**
   * Applies the events of {@code newest}'s aggregate from {@code first} up to {@code newest}
   * through read model {@code readModel}'s handlers here, in order, each in a unit of work of its
   * own (its write conditional on the record it was computed from). Gives up quietly at the first
   * failure: the wait goes on for the owner.
   */
  private void catchUp(String readModel, Newest newest, long first) {
    EventProcessor processor = processing.get().eventProcessor(readModel).orElse(null);
    if (!(processor instanceof AbstractEventProcessor handling)) {
      return;
    }
    EventHandlerInvoker handlers = handling.eventHandlerInvoker();
    int applied = 0;
    try {
      DomainEventStream history = histories.from(newest.aggregate(), first);
      while (history.hasNext() && history.peek().getSequenceNumber() <= newest.sequence()) {
        DomainEventMessage<?> event = history.next();
        if (!handlers.canHandleType(event.getPayloadType())) {
          continue;
        }
        ResultMessage<Object> result =
            DefaultUnitOfWork.startAndGet(event)
                .executeWithResult(
                    () -> {
                      handlers.handle(event, Segment.ROOT_SEGMENT);
                      return null;
                    });
        if (result.isExceptional()) {
          LOG.warn(
              "Could not apply event {} of {} to read model {} here: {}",
              event.getSequenceNumber(),
              newest.type(),
              readModel,
              result.exceptionResult().getClass().getName());
          return;
        }
        applied++;
      }
      LOG.info(
          "Read model {} had not applied {} {} up to event {}: applied {} events of it here",
          readModel,
          newest.type(),
          newest.aggregate(),
          newest.sequence(),
          applied);
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not bring read model {} up to event {} of {} here: {}",
          readModel,
          newest.sequence(),
          newest.type(),
          e.getClass().getName());
    }
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
