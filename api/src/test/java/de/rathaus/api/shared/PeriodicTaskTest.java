package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.api.shared.PeriodicTask.Failure;
import de.rathaus.api.shared.PeriodicTask.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A watch's runs, changes and failures are counted, and each failure is logged with its id. */
@ExtendWith(OutputCaptureExtension.class)
class PeriodicTaskTest {

  private final MeterRegistry meters = new SimpleMeterRegistry();

  private double count(String name, String... tags) {
    return meters.get(name).tags(tags).counter().count();
  }

  @Test
  void aFailureOfTheRunIsCountedAndLoggedWithTheCaseId(CapturedOutput logs) {
    String caseId = UUID.randomUUID().toString();
    PeriodicTask task =
        new PeriodicTask(
            "deadline-watch",
            Duration.ofMinutes(1),
            () -> new Outcome(2, List.of(new Failure(caseId, IllegalStateException.class))),
            meters);

    task.run();

    assertThat(count(PeriodicTask.RUNS, "watch", "deadline-watch", "outcome", "completed"))
        .isEqualTo(1);
    assertThat(count(PeriodicTask.CHANGED, "watch", "deadline-watch")).isEqualTo(2);
    assertThat(count(PeriodicTask.FAILURES, "watch", "deadline-watch")).isEqualTo(1);
    assertThat(logs.getAll())
        .containsPattern(
            "WARN .*deadline-watch failed on " + caseId + " \\(IllegalStateException\\)");
  }

  @Test
  void aRunThatThrowsIsCountedAndTheScheduleGoesOn(CapturedOutput logs) {
    int[] calls = {0};
    PeriodicTask task =
        new PeriodicTask(
            "retention-watch",
            Duration.ofHours(6),
            () -> {
              if (calls[0]++ == 0) {
                throw new IllegalStateException("Kanari Wert");
              }
              return new Outcome(0, List.of());
            },
            meters);

    task.run();
    task.run();

    assertThat(count(PeriodicTask.RUNS, "watch", "retention-watch", "outcome", "failed"))
        .isEqualTo(1);
    assertThat(count(PeriodicTask.RUNS, "watch", "retention-watch", "outcome", "completed"))
        .isEqualTo(1);
    assertThat(logs.getAll())
        .contains("retention-watch failed (IllegalStateException)")
        .as("the message could quote a value")
        .doesNotContain("Kanari Wert");
  }
}
