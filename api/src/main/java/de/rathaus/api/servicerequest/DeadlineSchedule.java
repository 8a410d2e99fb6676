package de.rathaus.api.servicerequest;

import de.rathaus.application.servicerequest.DeadlineWatch;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Runs the {@link DeadlineWatch} once the engine is up and then every {@code
 * rathaus.deadlines.check-interval} (default one minute). The schedule holds no state: what is due
 * is read from the stored cases on every run, so a restart loses nothing.
 */
public class DeadlineSchedule
    implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineSchedule.class);

  private final DeadlineWatch watch;
  private final Clock clock;
  private final Duration interval;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "rathaus-deadline-watch");
            thread.setDaemon(true);
            return thread;
          });

  public DeadlineSchedule(DeadlineWatch watch, Clock clock, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("rathaus.deadlines.check-interval must be positive");
    }
    this.watch = watch;
    this.clock = clock;
    this.interval = interval;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent ready) {
    executor.scheduleWithFixedDelay(this::run, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void run() {
    try {
      int flagged = watch.flagOverdue(clock.instant());
      if (flagged > 0) {
        LOG.info("Deadline watch: {} case(s) flagged overdue", flagged);
      }
    } catch (RuntimeException e) {
      // only the type: a message could quote a value; the next run tries again
      LOG.warn(
          "Deadline watch failed ({}); next run in {}", e.getClass().getSimpleName(), interval);
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
