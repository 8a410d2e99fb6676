package de.rathaus.application.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A statistic of cases: the figures per key (service or department) and month, and the backlog per
 * key now.
 *
 * @param firstMonth the earliest month answered, or {@code null} if none
 * @param lastMonth the latest month answered, or {@code null} if none
 * @param modified when the last case counted changed (submitted, decided or withdrawn), or {@code
 *     null} if there is none
 */
public record CaseStatistics(
    List<MonthFigures> months,
    List<BacklogFigures> open,
    YearMonth firstMonth,
    YearMonth lastMonth,
    Instant modified) {

  public CaseStatistics {
    months = List.copyOf(months);
    open = List.copyOf(open);
  }

  /**
   * Counts {@code cases}: submissions under {@code submittedKey}, decisions, withdrawals and the
   * backlog under {@code handlingKey}; months from {@code from} to {@code to} (either may be {@code
   * null}), keys equal to {@code only} unless it is {@code null}.
   */
  static CaseStatistics of(
      List<CaseFigures> cases,
      Function<CaseFigures, String> submittedKey,
      Function<CaseFigures, String> handlingKey,
      YearMonth from,
      YearMonth to,
      String only) {
    Map<String, Map<YearMonth, Bucket>> buckets = new TreeMap<>();
    Map<String, long[]> backlog = new TreeMap<>();
    Instant modified = null;
    for (CaseFigures c : cases) {
      modified = latest(modified, c.submittedAt(), c.decidedAt(), c.withdrawnAt());
      String handling = handlingKey.apply(c);
      if (only == null || only.equals(handling)) {
        long[] counts = backlog.computeIfAbsent(handling, k -> new long[2]);
        counts[0] += c.open() ? 1 : 0;
        counts[1] += c.overdueNow() ? 1 : 0;
        if (c.decidedAt() != null) {
          bucket(buckets, handling, c.decidedAt(), from, to).decided.add(c);
        }
        if (c.withdrawnAt() != null) {
          bucket(buckets, handling, c.withdrawnAt(), from, to).withdrawn++;
        }
      }
      String submitted = submittedKey.apply(c);
      if (only == null || only.equals(submitted)) {
        bucket(buckets, submitted, c.submittedAt(), from, to).submitted++;
      }
    }
    List<MonthFigures> months = new ArrayList<>();
    buckets.forEach(
        (key, byMonth) ->
            byMonth.forEach(
                (month, bucket) -> {
                  if (bucket.disclosed()) {
                    months.add(bucket.figures(key, month));
                  }
                }));
    List<BacklogFigures> open = new ArrayList<>();
    backlog.forEach(
        (key, counts) ->
            open.add(
                new BacklogFigures(key, Disclosure.count(counts[0]), Disclosure.count(counts[1]))));
    YearMonth first =
        months.stream().map(MonthFigures::month).min(Comparator.naturalOrder()).orElse(null);
    YearMonth last =
        months.stream().map(MonthFigures::month).max(Comparator.naturalOrder()).orElse(null);
    return new CaseStatistics(months, open, first, last, modified);
  }

  private static Bucket bucket(
      Map<String, Map<YearMonth, Bucket>> buckets,
      String key,
      Instant at,
      YearMonth from,
      YearMonth to) {
    YearMonth month = Disclosure.month(at);
    if ((from != null && month.isBefore(from)) || (to != null && month.isAfter(to))) {
      return new Bucket(); // outside the months asked for: counted nowhere
    }
    return buckets
        .computeIfAbsent(key, k -> new TreeMap<>())
        .computeIfAbsent(month, m -> new Bucket());
  }

  private static Instant latest(Instant current, Instant... candidates) {
    for (Instant at : candidates) {
      if (at != null && (current == null || at.isAfter(current))) {
        current = at;
      }
    }
    return current;
  }

  /** What one key's month collects before it is published. */
  private static final class Bucket {
    long submitted;
    long withdrawn;
    final List<CaseFigures> decided = new ArrayList<>();

    /**
     * Whether any of its counts is shown: a row whose every count is withheld is left out, so that
     * a row's presence does not tell one case from none.
     */
    boolean disclosed() {
      return submitted >= Disclosure.MINIMUM
          || withdrawn >= Disclosure.MINIMUM
          || decided.size() >= Disclosure.MINIMUM;
    }

    MonthFigures figures(String key, YearMonth month) {
      List<Duration> times = decided.stream().map(CaseFigures::processing).sorted().toList();
      long inTime = decided.stream().filter(CaseFigures::decidedInTime).count();
      return new MonthFigures(
          key,
          month,
          Disclosure.count(submitted),
          Disclosure.count(decided.size()),
          Disclosure.count(withdrawn),
          Disclosure.percentileDays(times, 50),
          Disclosure.percentileDays(times, 90),
          Disclosure.share(inTime, decided.size()));
    }
  }
}
