package de.rathaus.application.statistics;

import de.rathaus.domain.shared.DepartmentCode;
import java.time.YearMonth;

/**
 * The statistic of cases per department and month, from {@code from} to {@code to} (Berlin months,
 * inclusive; {@code null} = unbounded), of one department or ({@code null}) all.
 */
public record FindDepartmentStatistics(YearMonth from, YearMonth to, DepartmentCode department) {}
