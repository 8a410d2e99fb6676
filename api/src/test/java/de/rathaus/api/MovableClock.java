package de.rathaus.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real clock, moved ahead by a test while the engine runs (to let a deadline pass). Put into an
 * engine with {@link Initializer} ({@code @ContextConfiguration(initializers = ...)}), which
 * registers {@link #ENGINE} as its clock.
 */
public final class MovableClock extends Clock {

  /** The clock of every engine started with {@link Initializer}. */
  public static final MovableClock ENGINE = new MovableClock();

  private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

  private MovableClock() {}

  /** Moves the clock {@code by} further ahead. */
  public void advance(Duration by) {
    ahead.accumulateAndGet(by, Duration::plus);
  }

  /** Back to the real time. */
  public void reset() {
    ahead.set(Duration.ZERO);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(ahead.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The engine's clock is UTC");
  }

  /** Registers {@link #ENGINE} as the engine's clock before its beans are made. */
  public static final class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getBeanFactory().registerSingleton("testClock", ENGINE);
    }
  }
}
