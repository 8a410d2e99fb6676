package de.rathaus.api.shared;

import de.rathaus.application.shared.StartRefused;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A shift of this instance's wall clock, {@code rathaus.clock.offset} ({@code
 * RATHAUS_CLOCK_OFFSET}), an ISO-8601 duration such as {@code PT30S} or {@code -PT30S}. It exists
 * to test what a clock that is off does to several instances on one store; production leaves it
 * unset (and keeps the clocks right with NTP).
 */
public record ClockOffset(Duration offset) {

  public static final String SETTING = "rathaus.clock.offset";

  /** The offset a setting names; none when it is unset or blank. */
  public static ClockOffset of(String setting) {
    if (setting == null || setting.isBlank()) {
      return new ClockOffset(Duration.ZERO);
    }
    try {
      return new ClockOffset(Duration.parse(setting.strip()));
    } catch (DateTimeParseException e) {
      throw new StartRefused(
          "The clock offset "
              + SETTING
              + " (RATHAUS_CLOCK_OFFSET) is no ISO-8601 duration such as PT30S or -PT30S; leave it"
              + " unset outside of tests");
    }
  }

  /** {@code base} moved by the offset. */
  public Clock shift(Clock base) {
    return offset.isZero() ? base : Clock.offset(base, offset);
  }
}
