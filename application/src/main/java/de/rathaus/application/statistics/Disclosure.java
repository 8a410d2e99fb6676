package de.rathaus.application.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * What a published cell may show, and how figures are computed and rounded, in one place.
 *
 * <p>No cell may single out a person: a count of what citizens did (cases, proposals, supports,
 * comments, ratings) below {@value #MINIMUM} is withheld ({@code null}), zero included, so that a
 * withheld cell does not tell "nobody" from "one"; a figure derived from fewer than {@value
 * #MINIMUM} cases or items (a median, a percentile, a share, an average) is withheld likewise.
 *
 * <p>Days are calendar days of 24 hours, fractional, rounded half up to one decimal; percentiles
 * are by the nearest-rank method (the p-th percentile of n sorted values is the value at rank
 * ⌈p·n/100⌉, so the median of an even number of values is the lower middle one); shares are
 * fractions 0–1 rounded half up to three decimals, averages to two. Months are calendar months in
 * Europe/Berlin time.
 */
public final class Disclosure {

  /** The smallest count a cell shows, and the fewest values a derived figure is computed from. */
  public static final int MINIMUM = 5;

  /** The city's time zone, in which months begin and end. */
  public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static final BigDecimal DAY_MILLIS = BigDecimal.valueOf(Duration.ofDays(1).toMillis());

  private Disclosure() {}

  /** The month of {@code at} in Berlin, as {@code yyyy-MM}. */
  public static YearMonth month(Instant at) {
    return YearMonth.from(at.atZone(BERLIN));
  }

  /** A count as published: withheld below the minimum. */
  public static Integer count(long n) {
    return n < MINIMUM ? null : Math.toIntExact(n);
  }

  /** {@code part} of {@code whole}, withheld if the whole is below the minimum. */
  public static BigDecimal share(long part, long whole) {
    if (whole < MINIMUM) {
      return null;
    }
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
  }

  /** The average of {@code sum} over {@code n} values, withheld below the minimum. */
  public static BigDecimal average(long sum, long n) {
    if (n < MINIMUM) {
      return null;
    }
    return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
  }

  /**
   * The {@code p}-th percentile (nearest rank) of durations sorted ascending, in days, withheld
   * below the minimum, and withheld where it would be the highest value: the exact time of the one
   * slowest case (the 90th percentile of 5 to 9 cases).
   */
  public static BigDecimal percentileDays(List<Duration> sorted, int p) {
    if (sorted.size() < MINIMUM) {
      return null;
    }
    int rank = Math.max((int) Math.ceil(p * sorted.size() / 100.0), 1);
    if (rank == sorted.size() && p < 100) {
      return null;
    }
    return days(sorted.get(rank - 1));
  }

  /** A duration in days, rounded half up to one decimal. */
  public static BigDecimal days(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis()).divide(DAY_MILLIS, 1, RoundingMode.HALF_UP);
  }
}
