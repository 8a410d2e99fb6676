package de.rathaus.api.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Runs a watch of the engine (deadlines, retention) once the engine is ready and then at a fixed
 * interval, on its own thread. The watches keep no state between runs (they read what is stored),
 * so a restart loses nothing; a run that fails, and each thing a run could not do, is logged by the
 * exception's type only (a message could quote a value) with the thing's id (a case id, a subject
 * id: pseudonymous, no one's name), and the next run tries again.
 *
 * <p>Counted for the operator, tagged {@code watch=<name>}: {@value #RUNS} (tag {@code
 * outcome=completed|failed}: a failed run threw before it was done), {@value #CHANGED} (cases
 * flagged, citizens erased) and {@value #FAILURES} (things a run could not do).
 */
public class PeriodicTask implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

  static final String RUNS = "rathaus.watch.runs";
  static final String CHANGED = "rathaus.watch.changed";
  static final String FAILURES = "rathaus.watch.failures";

  /**
   * What one run did.
   *
   * @param changed how many things it changed
   * @param failures what it could not do, each tried again on the next run
   */
  public record Outcome(int changed, List<Failure> failures) {
    public Outcome {
      failures = List.copyOf(failures);
    }
  }

  /**
   * Something a run could not do.
   *
   * @param id what it is (a case id, a subject id: never a name or another personal value)
   * @param cause the type of the exception it failed with
   */
  public record Failure(String id, Class<?> cause) {}

  private final String name;
  private final Duration interval;
  private final Supplier<Outcome> task;
  private final ScheduledExecutorService executor;
  private final Counter completed;
  private final Counter failedRuns;
  private final Counter changed;
  private final Counter failures;

  /**
   * @param name what the task is called in the log and in its metrics' tag {@code watch}
   * @param interval the time between the end of one run and the start of the next
   * @param task the run
   * @param meters where its counters are registered
   */
  public PeriodicTask(
      String name, Duration interval, Supplier<Outcome> task, MeterRegistry meters) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("The interval of " + name + " must be positive");
    }
    this.name = name;
    this.interval = interval;
    this.task = task;
    this.completed = runs(meters, name, "completed");
    this.failedRuns = runs(meters, name, "failed");
    this.changed =
        Counter.builder(CHANGED)
            .description("Things a watch changed: cases flagged overdue, citizens erased")
            .tag("watch", name)
            .register(meters);
    this.failures =
        Counter.builder(FAILURES)
            .description("Things a watch could not do (logged with their id; tried again)")
            .tag("watch", name)
            .register(meters);
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "rathaus-" + name);
              thread.setDaemon(true);
              return thread;
            });
  }

  private static Counter runs(MeterRegistry meters, String name, String outcome) {
    return Counter.builder(RUNS)
        .description("Runs of a watch; outcome failed: the run threw before it was done")
        .tag("watch", name)
        .tag("outcome", outcome)
        .register(meters);
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent ready) {
    executor.scheduleWithFixedDelay(this::run, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void run() {
    Outcome outcome;
    try {
      outcome = task.get();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable e) {
      // any other failure must not end the schedule (an uncaught one would, silently)
      failedRuns.increment();
      LOG.warn("{} failed ({}); next run in {}", name, e.getClass().getSimpleName(), interval);
      return;
    }
    completed.increment();
    changed.increment(outcome.changed());
    failures.increment(outcome.failures().size());
    for (Failure failure : outcome.failures()) {
      LOG.warn(
          "{} failed on {} ({}); tried again in {}",
          name,
          failure.id(),
          failure.cause().getSimpleName(),
          interval);
    }
    if (outcome.changed() > 0) {
      LOG.info("{}: {} changed", name, outcome.changed());
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
