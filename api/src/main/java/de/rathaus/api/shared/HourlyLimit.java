package de.rathaus.api.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perHour} of something per caller within any hour (a sliding window): attachments
 * uploaded, requests submitted. Counted in this engine instance's memory, so several instances
 * behind one address each allow as many, and a restart forgets the counts; both are fine for a
 * limit that keeps one account from flooding the city, which is what it is for.
 *
 * <p>A caller over the limit is told how long until the oldest counted use leaves the window
 * ({@link Exceeded#retryAfter()}), which the API answers as 429 with {@code Retry-After}.
 */
public final class HourlyLimit {

  static final Duration WINDOW = Duration.ofHours(1);

  /** How many callers are counted before those with no use in the window are dropped. */
  private static final int TIDY_ABOVE = 10_000;

  private final String what;
  private final int perHour;
  private final Clock clock;
  private final Map<String, Deque<Instant>> uses = new ConcurrentHashMap<>();

  /**
   * @param what what is counted, in words for the problem's log line (e.g. "attachments")
   * @param perHour how many uses a caller has within any hour, at least 1
   */
  public HourlyLimit(String what, int perHour, Clock clock) {
    if (perHour < 1) {
      throw new IllegalArgumentException("An hourly limit allows at least one use");
    }
    this.what = what;
    this.perHour = perHour;
    this.clock = clock;
  }

  /**
   * Counts one use by {@code caller}.
   *
   * @throws Exceeded if the caller had {@code perHour} uses within the last hour (not counted)
   */
  public void take(String caller) {
    Instant now = clock.instant();
    Instant windowStart = now.minus(WINDOW);
    if (uses.size() > TIDY_ABOVE) {
      tidy(windowStart);
    }
    Deque<Instant> mine = uses.computeIfAbsent(caller, c -> new ArrayDeque<>());
    synchronized (mine) {
      while (!mine.isEmpty() && !mine.peekFirst().isAfter(windowStart)) {
        mine.pollFirst();
      }
      if (mine.size() >= perHour) {
        Duration wait = Duration.between(windowStart, mine.peekFirst());
        throw new Exceeded(what, perHour, wait);
      }
      mine.addLast(now);
    }
  }

  /** How many uses the caller has left within the current hour. */
  public int remaining(String caller) {
    Instant windowStart = clock.instant().minus(WINDOW);
    Deque<Instant> mine = uses.get(caller);
    if (mine == null) {
      return perHour;
    }
    synchronized (mine) {
      return (int) Math.max(0, perHour - mine.stream().filter(t -> t.isAfter(windowStart)).count());
    }
  }

  private void tidy(Instant windowStart) {
    uses.entrySet()
        .removeIf(
            entry -> {
              synchronized (entry.getValue()) {
                Instant last = entry.getValue().peekLast();
                return last == null || !last.isAfter(windowStart);
              }
            });
  }

  /** The caller used up the hour's allowance. */
  public static final class Exceeded extends RuntimeException {
    private final int perHour;
    private final Duration retryAfter;

    Exceeded(String what, int perHour, Duration retryAfter) {
      super("More than " + perHour + " " + what + " per hour", null, false, false);
      this.perHour = perHour;
      this.retryAfter = retryAfter;
    }

    public int perHour() {
      return perHour;
    }

    /** Until the oldest counted use leaves the window: at least one second. */
    public Duration retryAfter() {
      return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, as {@code Retry-After} says it. */
    public long retryAfterSeconds() {
      Duration wait = retryAfter();
      return wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    }
  }
}
