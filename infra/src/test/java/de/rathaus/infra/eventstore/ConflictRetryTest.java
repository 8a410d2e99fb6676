package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.application.shared.OutcomeUnknown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/** Which failures send a command again, how often, and after which pauses. */
class ConflictRetryTest {

  private final List<Long> pauses = new ArrayList<>();
  private final AtomicInteger dispatched = new AtomicInteger();

  private ConflictRetry retry(double random) {
    return new ConflictRetry(5, Duration.ofMillis(10), () -> random, pauses::add);
  }

  private boolean retried(ConflictRetry retry, RuntimeException failure, int failuresSoFar) {
    List<Class<? extends Throwable>[]> failures = new ArrayList<>();
    for (int i = 0; i < failuresSoFar; i++) {
      failures.add(new Class[] {failure.getClass()});
    }
    return retry.scheduleRetry(
        GenericCommandMessage.asCommandMessage("increment"),
        failure,
        failures,
        dispatched::incrementAndGet);
  }

  @Test
  void aLostRaceIsSentAgainOnTheCallersThreadUpToFiveTimes() {
    ConflictRetry retry = retry(0.5);
    ConcurrencyException conflict = new ConcurrencyException("sequence 3 taken");
    for (int failures = 1; failures <= 5; failures++) {
      assertThat(retried(retry, conflict, failures)).isTrue();
    }
    assertThat(retried(retry, conflict, 6)).isFalse();
    assertThat(dispatched).hasValue(5);
    assertThat(pauses).containsExactly(10L, 20L, 40L, 80L, 160L);
  }

  @Test
  void aConflictWrappedInAnotherExceptionIsALostRaceToo() {
    RuntimeException wrapped =
        new RuntimeException("commit failed", new ConcurrencyException("sequence 3 taken"));
    assertThat(retried(retry(0.5), wrapped, 1)).isTrue();
  }

  @Test
  void thePausesAreJitteredByHalfEitherWay() {
    assertThat(retry(0.0).pauseBefore(3)).isEqualTo(20);
    assertThat(retry(0.999).pauseBefore(3)).isEqualTo(60);
  }

  @Test
  void nothingElseIsSentAgain() {
    ConflictRetry retry = retry(0.5);
    assertThat(retried(retry, new AggregateStreamCreationException("exists"), 1)).isFalse();
    assertThat(retried(retry, new OutcomeUnknown("not confirmed", null), 1)).isFalse();
    assertThat(retried(retry, new IllegalStateException("already decided"), 1)).isFalse();
    assertThat(dispatched).hasValue(0);
    assertThat(pauses).isEmpty();
  }

  @Test
  void anInterruptedPauseGivesTheConflictToTheCaller() {
    ConflictRetry retry =
        new ConflictRetry(
            5,
            Duration.ofMillis(10),
            () -> 0.5,
            millis -> {
              throw new InterruptedException();
            });
    assertThat(retried(retry, new ConcurrencyException("taken"), 1)).isFalse();
    assertThat(Thread.interrupted()).isTrue();
    assertThat(dispatched).hasValue(0);
  }
}
