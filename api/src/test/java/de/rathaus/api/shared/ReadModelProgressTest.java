package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Waiting for the read models: woken by their progress, not by polling. */
class ReadModelProgressTest {

  private final ReadModelProgress progress = new ReadModelProgress();

  @Test
  void aWaitForAConditionIsWokenByReportedProgressLongBeforeItWouldLookAgain() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    long lookAgain = Duration.ofMinutes(5).toNanos();
    CompletableFuture<Long> waited =
        CompletableFuture.supplyAsync(
            () -> {
              long start = System.nanoTime();
              assertThat(progress.await(done::get, Duration.ofMinutes(5).toNanos(), lookAgain))
                  .isTrue();
              return System.nanoTime() - start;
            });
    Thread.sleep(100); // let the waiter wait
    done.set(true);
    progress.handled("proposals", "support-x", 0);

    assertThat(waited.get(30, TimeUnit.SECONDS)).isLessThan(Duration.ofSeconds(30).toNanos());
  }

  @Test
  void aConditionThatHoldsAlreadyIsNotWaitedFor() {
    assertThat(progress.await(() -> true, Duration.ofMinutes(5).toNanos(), 1_000_000)).isTrue();
  }

  @Test
  void aConditionThatNeverHoldsGivesUpAtItsBound() {
    long start = System.nanoTime();
    assertThat(progress.await(() -> false, Duration.ofMillis(200).toNanos(), 20_000_000)).isFalse();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
  }
}
