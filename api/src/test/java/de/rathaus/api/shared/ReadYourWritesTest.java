package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes with several instances: the events of a command taken here may be applied by
 * another instance's processor, which reports nothing to this one; the stored record shows it.
 */
class ReadYourWritesTest {

  private static final String REQUESTS = "request-views";
  private static final Duration BOUND = Duration.ofSeconds(3);

  private final ProducedEvents produced = new ProducedEvents();
  private final ReadModelProgress progress = new ReadModelProgress();
  private final Map<String, Long> stored = new ConcurrentHashMap<>();
  private final AtomicInteger storeReads = new AtomicInteger();
  // made before any test times anything: a mock's first making takes its time
  private final EventProcessingConfiguration processing = processing(REQUESTS);
  private final List<DomainEventMessage<?>> history = new CopyOnWriteArrayList<>();
  private final ReadYourWrites.Histories histories =
      (aggregate, first) ->
          DomainEventStream.of(
              history.stream()
                  .filter(e -> e.getAggregateIdentifier().equals(aggregate))
                  .filter(e -> e.getSequenceNumber() >= first)
                  .toList());
  private final ReadYourWrites readYourWrites =
      new ReadYourWrites(produced, progress, () -> processing, histories, true, BOUND);

  ReadYourWritesTest() {
    progress.storedIn(
        REQUESTS,
        "ServiceRequest",
        aggregate -> {
          storeReads.incrementAndGet();
          Long sequence = stored.get(aggregate);
          return sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence);
        });
  }

  @Test
  void answersAtOnceWhenAnotherInstanceHasStoredTheEvent() {
    // the aggregate's segment is another instance's: nothing is reported here, the record shows it
    stored.put("r-1", 3L);

    long took =
        timed(() -> readYourWrites.run(() -> command("ServiceRequest", "r-1", 3), REQUESTS));

    assertThat(took).isLessThan(Duration.ofMillis(1_000).toNanos());
  }

  @Test
  void waitsForTheStoredRecordWhileItIsBehind() throws Exception {
    stored.put("r-1", 2L);
    Thread other =
        new Thread(
            () -> {
              sleep(300);
              stored.put("r-1", 3L); // the other instance applies the event
            });
    other.start();

    long took =
        timed(() -> readYourWrites.run(() -> command("ServiceRequest", "r-1", 3), REQUESTS));
    other.join();

    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos())
        .isLessThan(Duration.ofMillis(1_500).toNanos());
  }

  @Test
  void waitsItsBoundWhenNeitherThisInstanceNorTheStoreShowsTheEvent() {
    stored.put("r-1", 2L);

    long took =
        timed(() -> readYourWrites.run(() -> command("ServiceRequest", "r-1", 3), REQUESTS));

    assertThat(took).isGreaterThanOrEqualTo(BOUND.toNanos());
  }

  @Test
  void isWokenAtOnceByThisInstancesProcessorWithoutAskingTheStoreFirst() {
    long took =
        timed(
            () ->
                readYourWrites.run(
                    () -> {
                      Object result = command("ServiceRequest", "r-1", 0);
                      progress.handled(REQUESTS, "r-1", 0);
                      return result;
                    },
                    REQUESTS));

    assertThat(took).isLessThan(Duration.ofMillis(1_000).toNanos());
    assertThat(storeReads).hasValue(0);
  }

  @Test
  void neverTakesTheStoredSequenceOfAnAggregateOfAnotherType() {
    // a support's history shares no records with the read model: a record found under its id
    // (whatever it is) shows nothing about it
    stored.put("support-1", 7L);

    long took = timed(() -> readYourWrites.run(() -> command("Support", "support-1", 0), REQUESTS));

    assertThat(took).isGreaterThanOrEqualTo(BOUND.toNanos());
    assertThat(storeReads).hasValue(0);
  }

  @Test
  void aStoreThatFailsToAnswerLeavesTheWaitToThisInstance() {
    progress.storedIn(
        REQUESTS,
        "ServiceRequest",
        aggregate -> {
          throw new IllegalStateException("store unreachable");
        });
    Thread processor =
        new Thread(
            () -> {
              sleep(200);
              progress.handled(REQUESTS, "r-1", 0);
            });
    processor.start();

    long took =
        timed(() -> readYourWrites.run(() -> command("ServiceRequest", "r-1", 0), REQUESTS));

    assertThat(took).isLessThan(BOUND.toNanos());
  }

  @Test
  void timeTheStoreIsAwayDoesNotCountAgainstTheBound() {
    // the store restarts for 4 s (longer than the bound) right after the command was stored; each
    // look meanwhile blocks a while and fails, as the driver's does
    long back = System.nanoTime() + Duration.ofSeconds(4).toNanos();
    AtomicInteger answeredOnceBack = new AtomicInteger();
    progress.storedIn(
        REQUESTS,
        "ServiceRequest",
        aggregate -> {
          if (System.nanoTime() < back) {
            sleep(600);
            throw new IllegalStateException("store away");
          }
          answeredOnceBack.incrementAndGet();
          return OptionalLong.of(3);
        });

    long took =
        timed(() -> readYourWrites.run(() -> command("ServiceRequest", "r-1", 3), REQUESTS));

    assertThat(answeredOnceBack).as("asked again once the store was back").hasValue(1);
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofSeconds(4).toNanos())
        .isLessThan(Duration.ofSeconds(4).plus(BOUND).toNanos());
  }

  @Test
  void bringsTheStoredRecordUpItselfWhenNoInstanceAppliesTheEvents() {
    // the owner of the aggregate's segment died before it applied events 3 and 4, and its claim
    // has not expired: no processor applies them, here or elsewhere
    RecordProjection projection = new RecordProjection(stored);
    ReadYourWrites catchingUp =
        new ReadYourWrites(
            produced, progress, () -> processing(REQUESTS, projection), histories, true, BOUND);
    for (long sequence = 0; sequence <= 2; sequence++) {
      history.add(recorded("r-1", sequence));
    }
    stored.put("r-1", 2L);
    history.add(recorded("r-1", 3));

    long took =
        timed(
            () ->
                catchingUp.run(
                    () -> {
                      DomainEventMessage<?> event = recorded("r-1", 4);
                      history.add(event);
                      produced.handle(List.of(event));
                      return "done";
                    },
                    REQUESTS));

    assertThat(stored).containsEntry("r-1", 4L);
    assertThat(projection.applied).containsExactly("r-1:3", "r-1:4");
    assertThat(took)
        .isGreaterThanOrEqualTo(ReadYourWrites.CATCH_UP_AFTER.toNanos())
        .isLessThan(BOUND.toNanos());
  }

  @Test
  void leavesARecordTheOwnerKeepsUpToTheOwner() {
    RecordProjection projection = new RecordProjection(stored);
    ReadYourWrites catchingUp =
        new ReadYourWrites(
            produced, progress, () -> processing(REQUESTS, projection), histories, true, BOUND);
    stored.put("r-1", 2L);
    Thread owner =
        new Thread(
            () -> {
              sleep(300);
              stored.put("r-1", 3L);
            });
    owner.start();

    long took =
        timed(
            () ->
                catchingUp.run(
                    () -> {
                      DomainEventMessage<?> event = recorded("r-1", 3);
                      history.add(event);
                      produced.handle(List.of(event));
                      return "done";
                    },
                    REQUESTS));

    assertThat(stored).containsEntry("r-1", 3L);
    assertThat(projection.applied).isEmpty();
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
  }

  @Test
  void aRetryThatFindsTheRequestStoredByAnAttemptThatDiedWaitsUntilItIsShown() {
    // the first attempt stored the request and its instance died before answering and before any
    // processor applied it; the retry produces no event of its own, yet its answer is read next
    RecordProjection projection = new RecordProjection(stored);
    ReadYourWrites catchingUp =
        new ReadYourWrites(
            produced, progress, () -> processing(REQUESTS, projection), histories, true, BOUND);
    history.add(recorded("r-1", 0));

    long took =
        timed(() -> catchingUp.runCreating("ServiceRequest", id -> id, () -> "r-1", REQUESTS));

    assertThat(stored).containsEntry("r-1", 0L);
    assertThat(projection.applied).containsExactly("r-1:0");
    assertThat(took).isLessThan(BOUND.toNanos());
  }

  @Test
  void aCreationThatProducedItsEventsWaitsForThoseAsRunDoes() {
    stored.put("r-1", 0L);

    long took =
        timed(
            () ->
                readYourWrites.runCreating(
                    "ServiceRequest",
                    id -> id,
                    () -> {
                      command("ServiceRequest", "r-1", 0);
                      return "r-1";
                    },
                    REQUESTS));

    assertThat(took).isLessThan(Duration.ofMillis(1_000).toNanos());
  }

  /** An event of the aggregate the read model's records follow. */
  record Recorded(String id) {}

  private static DomainEventMessage<?> recorded(String id, long sequence) {
    return new GenericDomainEventMessage<>("ServiceRequest", id, sequence, new Recorded(id));
  }

  /**
   * A read model's handlers as a projection of {@code ViewUpdates} has them: an event at or below
   * the record's sequence changes nothing; each application is noted.
   */
  static final class RecordProjection {
    final Map<String, Long> stored;
    final List<String> applied = new CopyOnWriteArrayList<>();

    RecordProjection(Map<String, Long> stored) {
      this.stored = stored;
    }

    @EventHandler
    void on(Recorded e, @SequenceNumber long sequence) {
      Long at = stored.get(e.id());
      if (at != null && at >= sequence) {
        return;
      }
      applied.add(e.id() + ":" + sequence);
      stored.put(e.id(), sequence);
    }
  }

  private static EventProcessingConfiguration processing(String name, Object projection) {
    EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    EventProcessor processor =
        SubscribingEventProcessor.builder()
            .name(name)
            .eventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(projection).build())
            .messageSource(SimpleEventBus.builder().build())
            .build();
    doReturn(Optional.of(processor)).when(processing).eventProcessor(name);
    return processing;
  }

  /** A command that stores the event {@code sequence} of aggregate {@code id} of {@code type}. */
  private Object command(String type, String id, long sequence) {
    produced.handle(List.of(new GenericDomainEventMessage<>(type, id, sequence, new Object() {})));
    return "done";
  }

  private static EventProcessingConfiguration processing(String name) {
    EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    doReturn(Optional.of(mock(EventProcessor.class))).when(processing).eventProcessor(name);
    return processing;
  }

  private static long timed(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return System.nanoTime() - start;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
