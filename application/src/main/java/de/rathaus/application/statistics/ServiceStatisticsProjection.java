package de.rathaus.application.statistics;

import org.axonframework.queryhandling.QueryHandler;

/**
 * The cases per service and month: submitted, decided, withdrawn, processing days without the time
 * spent waiting for the applicant (median and 90th percentile), the share decided in time, and per
 * service the cases open and overdue now. Its read model is {@value #NAME}, version {@value
 * #VERSION}.
 */
public class ServiceStatisticsProjection extends CaseStatisticsProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "service-statistics";

  /** The version of its definition: a changed definition is a new version, rebuilt from history. */
  public static final int VERSION = 1;

  public ServiceStatisticsProjection(StatisticsStores stores) {
    super(stores.cases(NAME));
  }

  @QueryHandler
  public CaseStatistics handle(FindServiceStatistics query) {
    return CaseStatistics.of(
        cases.all(),
        c -> c.service().value(),
        c -> c.service().value(),
        query.from(),
        query.to(),
        query.service() == null ? null : query.service().value());
  }
}
