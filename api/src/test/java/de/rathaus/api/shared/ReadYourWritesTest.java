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
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
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
  private final ReadYourWrites readYourWrites =
      new ReadYourWrites(produced, progress, () -> processing, true, BOUND);

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
