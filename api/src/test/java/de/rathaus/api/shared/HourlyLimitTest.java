package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** At most so many uses per caller within any hour. */
class HourlyLimitTest {

  /** A clock that stands still until moved. */
  private static final class StandingClock extends Clock {
    private Instant now = Instant.parse("2026-03-02T08:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final StandingClock clock = new StandingClock();
  private final HourlyLimit limit = new HourlyLimit("uploads", 3, clock);

  @Test
  void allowsUpToTheLimitWithinAnHour() {
    limit.take("anna");
    limit.take("anna");
    limit.take("anna");
    assertThat(limit.remaining("anna")).isZero();
    assertThatThrownBy(() -> limit.take("anna")).isInstanceOf(HourlyLimit.Exceeded.class);
  }

  @Test
  void countsEachCallerApart() {
    limit.take("anna");
    limit.take("anna");
    limit.take("anna");
    limit.take("ben");
    assertThat(limit.remaining("ben")).isEqualTo(2);
  }

  @Test
  void saysHowLongUntilTheOldestUseLeavesTheWindow() {
    limit.take("anna");
    clock.advance(Duration.ofMinutes(20));
    limit.take("anna");
    limit.take("anna");
    clock.advance(Duration.ofMinutes(10));
    assertThatThrownBy(() -> limit.take("anna"))
        .isInstanceOfSatisfying(
            HourlyLimit.Exceeded.class,
            e -> assertThat(e.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(30).toSeconds()));
  }

  @Test
  void aRefusedUseIsNotCounted() {
    limit.take("anna");
    limit.take("anna");
    limit.take("anna");
    assertThatThrownBy(() -> limit.take("anna")).isInstanceOf(HourlyLimit.Exceeded.class);
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    limit.take("anna");
    assertThat(limit.remaining("anna")).isEqualTo(2);
  }

  @Test
  void refusesAZeroLimit() {
    assertThatThrownBy(() -> new HourlyLimit("uploads", 0, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
