package de.rathaus.api.statistics;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The filters of the statistics of cases, read from the query: {@code from} and {@code to} as
 * months {@code yyyy-MM} (Europe/Berlin, inclusive), {@code service} or {@code department} as a
 * code. A bad value is refused naming its field.
 */
record StatisticsFilter(YearMonth from, YearMonth to) {

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  static StatisticsFilter of(String from, String to) {
    YearMonth start = month("from", from);
    YearMonth end = month("to", to);
    if (start != null && end != null && end.isBefore(start)) {
      throw new InvalidFilter("to", "field.statistics-range", "must not be before from");
    }
    return new StatisticsFilter(start, end);
  }

  static ServiceCode service(String value) {
    if (value == null) {
      return null;
    }
    try {
      return new ServiceCode(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidFilter("service", "field.statistics-code", "is no code of that form");
    }
  }

  static DepartmentCode department(String value) {
    if (value == null) {
      return null;
    }
    try {
      return new DepartmentCode(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidFilter("department", "field.statistics-code", "is no code of that form");
    }
  }

  private static YearMonth month(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      if (MONTH.matcher(value).matches()) {
        YearMonth month = YearMonth.parse(value);
        if (month.getYear() >= 2000 && month.getYear() <= 2099) {
          return month;
        }
      }
    } catch (DateTimeParseException e) {
      // refused below
    }
    throw new InvalidFilter(field, "field.statistics-month", "must be a month yyyy-MM");
  }

  /** A filter value that is not valid: a 400 naming the field. */
  static final class InvalidFilter extends RuntimeException {
    private final String field;
    private final String message;
    private final String fallback;

    InvalidFilter(String field, String message, String fallback) {
      super("Invalid filter " + field, null, false, false);
      this.field = field;
      this.message = message;
      this.fallback = fallback;
    }

    String field() {
      return field;
    }

    String messageKey() {
      return message;
    }

    String fallback() {
      return fallback;
    }
  }
}
