package de.rathaus.application.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The figures of one service or department in one month, as published ({@code null} = withheld, see
 * {@link Disclosure}). A case counts as submitted in the month of its submission, as withdrawn in
 * the month of its withdrawal, and as decided — with its processing time and whether it was in time
 * — in the month of its decision.
 *
 * @param key the service's or the department's code
 * @param medianDays the median processing time of the cases decided, in days, without the time
 *     spent waiting for the applicant
 * @param p90Days the 90th percentile of the same
 * @param decidedInTimeShare the share of the cases decided that were decided by their due date
 */
public record MonthFigures(
    String key,
    YearMonth month,
    Integer submitted,
    Integer decided,
    Integer withdrawn,
    BigDecimal medianDays,
    BigDecimal p90Days,
    BigDecimal decidedInTimeShare) {}
