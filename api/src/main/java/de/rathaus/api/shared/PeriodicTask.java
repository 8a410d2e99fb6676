package de.rathaus.api.shared;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Runs a watch of the engine (deadlines, retention) once the engine is up and then at a fixed
 * interval, on its own thread. The watches keep no state between runs (they read what is stored),
 * so a restart loses nothing; a run that fails is logged by type only (a message could quote a
 * value) and the next run tries again.
 */
public class PeriodicTask implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private final Duration interval;
  private final IntSupplier task;
  private final ScheduledExecutorService executor;

  /**
   * @param name what the task is called in the log
   * @param interval the time between the end of one run and the start of the next
   * @param task the run; answers how many things it changed
   */
  public PeriodicTask(String name, Duration interval, IntSupplier task) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("The interval of " + name + " must be positive");
    }
    this.name = name;
    this.interval = interval;
    this.task = task;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "rathaus-" + name);
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent ready) {
    executor.scheduleWithFixedDelay(this::run, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void run() {
    try {
      int changed = task.getAsInt();
      if (changed > 0) {
        LOG.info("{}: {} changed", name, changed);
      }
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable e) {
      // any other failure must not end the schedule (an uncaught one would, silently)
      LOG.warn("{} failed ({}); next run in {}", name, e.getClass().getSimpleName(), interval);
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
