package de.rathaus.application.participation;

import de.rathaus.domain.participation.RateItem;
import java.util.ArrayList;
import java.util.List;

/**
 * How a feedback item was rated, as everyone may see it: how many ratings there are and how many of
 * them gave 1, 2, 3, 4 and 5 stars. Nothing in it says who rated.
 *
 * @param count the number of ratings
 * @param distribution the number of ratings with 1 to 5 stars, in that order (five entries)
 */
public record RatingSummary(long count, List<Long> distribution) {

  /** No rating yet. */
  public static final RatingSummary NONE = new RatingSummary(0, List.of(0L, 0L, 0L, 0L, 0L));

  public RatingSummary {
    if (distribution == null || distribution.size() != RateItem.MAX_STARS) {
      throw new IllegalArgumentException("A rating summary counts 1 to 5 stars");
    }
    distribution = List.copyOf(distribution);
  }

  /** The average number of stars, or {@code null} without ratings. */
  public Double average() {
    if (count == 0) {
      return null;
    }
    long stars = 0;
    for (int i = 0; i < distribution.size(); i++) {
      stars += (i + 1) * distribution.get(i);
    }
    return (double) stars / count;
  }

  /** With one more rating of {@code stars}. */
  RatingSummary rated(int stars) {
    return new RatingSummary(count + 1, moved(distribution, 0, stars));
  }

  /** With one rating moved from {@code previousStars} to {@code stars}. */
  RatingSummary changed(int previousStars, int stars) {
    return new RatingSummary(count, moved(distribution, previousStars, stars));
  }

  /** These ratings and {@code other}'s together (a consultation's, from its items'). */
  public RatingSummary plus(RatingSummary other) {
    List<Long> sum = new ArrayList<>(distribution);
    for (int i = 0; i < sum.size(); i++) {
      sum.set(i, sum.get(i) + other.distribution.get(i));
    }
    return new RatingSummary(count + other.count, sum);
  }

  private static List<Long> moved(List<Long> counts, int from, int to) {
    List<Long> next = new ArrayList<>(counts);
    if (from > 0) {
      next.set(from - 1, next.get(from - 1) - 1);
    }
    next.set(to - 1, next.get(to - 1) + 1);
    return next;
  }
}
