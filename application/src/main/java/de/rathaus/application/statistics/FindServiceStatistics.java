package de.rathaus.application.statistics;

import de.rathaus.domain.shared.ServiceCode;
import java.time.YearMonth;

/**
 * The statistic of cases per service and month, from {@code from} to {@code to} (Berlin months,
 * inclusive; {@code null} = unbounded), of one service or ({@code null}) all.
 */
public record FindServiceStatistics(YearMonth from, YearMonth to, ServiceCode service) {}
