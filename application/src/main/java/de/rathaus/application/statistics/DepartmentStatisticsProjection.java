package de.rathaus.application.statistics;

import org.axonframework.queryhandling.QueryHandler;

/**
 * The cases per department and month, with the same figures as per service. A case counts as
 * submitted under the department it was submitted to, and as decided, withdrawn, open or overdue
 * under the department handling it then: a forwarded case moves with the forwarding, so its
 * decision counts for the department that decided it. Its read model is {@value #NAME}, version
 * {@value #VERSION}.
 */
public class DepartmentStatisticsProjection extends CaseStatisticsProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "department-statistics";

  /** The version of its definition: a changed definition is a new version, rebuilt from history. */
  public static final int VERSION = 1;

  public DepartmentStatisticsProjection(StatisticsStores stores) {
    super(stores.cases(NAME));
  }

  @QueryHandler
  public CaseStatistics handle(FindDepartmentStatistics query) {
    return CaseStatistics.of(
        cases.all(),
        c -> c.submittedTo().value(),
        c -> c.department().value(),
        query.from(),
        query.to(),
        query.department() == null ? null : query.department().value());
  }
}
