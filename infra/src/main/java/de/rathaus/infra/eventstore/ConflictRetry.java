package de.rathaus.infra.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a command again when its append lost a race with another engine instance: within one
 * instance the aggregate's lock puts commands in a row, across instances two appends to the same
 * aggregate race and the store refuses the second ({@link ConcurrencyException}). The command is
 * then handled anew on the aggregate as it is now (its cache entry went with the rolled-back unit
 * of work), up to {@code maxRetries} times after a short, growing, jittered pause; only then does
 * the caller hear of the conflict.
 *
 * <p>Nothing is done twice: the store refuses a conflicting commit as a whole (nothing of it is
 * stored, see {@code EventAppender}), so the retried command's events are the only ones. Only a
 * {@link ConcurrencyException} is retried: not a creation of an aggregate that exists (that answer
 * stays the same), not an append whose outcome is unknown (it may be stored), not a rule of the
 * domain.
 *
 * <p>The retry runs on the caller's thread, right after the failed attempt: the command keeps the
 * caller's context (signed-in actor, language, log context) that dispatch interceptors read, and a
 * command sent from inside another unit of work is not retried at all (Axon's retrying callback
 * leaves it to the outer one).
 */
public final class ConflictRetry implements RetryScheduler {

  private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

  /** Pauses the caller; a test replaces it. */
  @FunctionalInterface
  interface Pause {
    void pause(long millis) throws InterruptedException;
  }

  private final int maxRetries;
  private final long firstPauseMillis;
  private final DoubleSupplier random;
  private final Pause pause;

  public ConflictRetry(int maxRetries, Duration firstPause) {
    this(maxRetries, firstPause, () -> ThreadLocalRandom.current().nextDouble(), Thread::sleep);
  }

  ConflictRetry(int maxRetries, Duration firstPause, DoubleSupplier random, Pause pause) {
    this.maxRetries = maxRetries;
    this.firstPauseMillis = firstPause.toMillis();
    this.random = random;
    this.pause = pause;
  }

  @Override
  public boolean scheduleRetry(
      CommandMessage commandMessage,
      RuntimeException lastFailure,
      List<Class<? extends Throwable>[]> failures,
      Runnable dispatchTask) {
    int retry = failures.size();
    if (retry > maxRetries || !lostTheRace(lastFailure)) {
      return false;
    }
    try {
      pause.pause(pauseBefore(retry));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    log.debug(
        "{} lost a race with another instance; sending it again ({} of {})",
        commandMessage.getCommandName(),
        retry,
        maxRetries);
    dispatchTask.run();
    return true;
  }

  /**
   * The pause before the given retry (1 = first): the first pause doubled per retry, times a random
   * factor from 0.5 to 1.5, so that two instances that raced do not race again in step.
   */
  long pauseBefore(int retry) {
    long base = firstPauseMillis << Math.min(retry - 1, 20);
    return Math.round(base * (0.5 + random.getAsDouble()));
  }

  /** Whether another writer appended to the aggregate first. */
  static boolean lostTheRace(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConcurrencyException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
