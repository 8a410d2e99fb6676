package de.rathaus.api.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Read-your-writes (DESIGN.md section 6): after a command, the endpoint waits, within a bound,
 * until the read model shows what the command changed, so that the caller's next read shows it too.
 * If the bound passes (a processor far behind), the endpoint answers with what the read model has.
 */
public final class ReadYourWrites {

  /** How long a command endpoint waits for its read model at most. */
  public static final Duration BOUND = Duration.ofSeconds(5);

  private ReadYourWrites() {}

  /** Reads until {@code shows} holds for what is read, or the bound passes; the last read. */
  public static <T> Optional<T> await(Supplier<Optional<T>> read, Predicate<Optional<T>> shows) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    Optional<T> current = read.get();
    while (!shows.test(current) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      current = read.get();
    }
    return current;
  }
}
