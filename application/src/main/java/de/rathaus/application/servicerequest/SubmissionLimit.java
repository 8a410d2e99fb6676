package de.rathaus.application.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * At most {@code perHour} requests per citizen in any hour (a sliding window): counted from the
 * requests' read model (when the citizen's requests of the last hour were submitted), so every
 * instance of the engine counts the same submissions. On one instance a citizen's submissions run
 * one after another (a lock per citizen), so two at once cannot both take the last place; the
 * submission waits until the read model shows it (read-your-writes), so the next one counts it.
 * Across instances two submissions at the same moment could both take the last place, and without
 * read-your-writes a submission the read model does not show yet is not counted.
 */
public final class SubmissionLimit {

  static final Duration WINDOW = Duration.ofHours(1);
  private static final int STRIPES = 64;

  private final RequestViews requests;
  private final int perHour;
  private final Clock clock;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  public SubmissionLimit(RequestViews requests, int perHour, Clock clock) {
    if (perHour < 1) {
      throw new IllegalArgumentException("The submission limit must be at least 1 per hour");
    }
    this.requests = requests;
    this.perHour = perHour;
    this.clock = clock;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** The citizen has submitted as many requests as allowed in the last hour. */
  public static final class LimitReached extends RuntimeException {
    private final Duration retryAfter;
    private final int perHour;

    LimitReached(Duration retryAfter, int perHour) {
      super("The citizen's submission limit per hour is reached", null, false, false);
      this.retryAfter = retryAfter;
      this.perHour = perHour;
    }

    /** When the oldest counted submission leaves the window (at least one second). */
    public Duration retryAfter() {
      return retryAfter;
    }

    public int perHour() {
      return perHour;
    }
  }

  /** Runs {@code submission} unless the limit is reached ({@link LimitReached}). */
  public <T> T submit(CitizenId applicant, Supplier<T> submission) {
    ReentrantLock lock = locks[Math.floorMod(applicant.value().hashCode(), STRIPES)];
    lock.lock();
    try {
      Instant now = clock.instant();
      List<Instant> recent = requests.submittedSince(applicant, now.minus(WINDOW));
      if (recent.size() >= perHour) {
        // the place frees up when the submission that makes the count exceed the limit leaves
        Instant frees = recent.get(recent.size() - perHour).plus(WINDOW);
        long seconds = Math.max(1, (Duration.between(now, frees).toMillis() + 999) / 1000);
        throw new LimitReached(Duration.ofSeconds(seconds), perHour);
      }
      return submission.get();
    } finally {
      lock.unlock();
    }
  }
}
