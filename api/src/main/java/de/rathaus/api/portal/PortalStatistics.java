package de.rathaus.api.portal;

import de.rathaus.application.shared.Answers;
import de.rathaus.application.statistics.CaseStatistics;
import de.rathaus.application.statistics.FindDepartmentStatistics;
import de.rathaus.application.statistics.FindParticipationStatistics;
import de.rathaus.application.statistics.FindServiceStatistics;
import de.rathaus.application.statistics.ParticipationStatistics;
import java.time.YearMonth;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The public statistics as the portal reads them: the queries the API's statistics resources ask
 * ({@code FindServiceStatistics}, {@code FindDepartmentStatistics}, {@code
 * FindParticipationStatistics}), whose figures below the disclosure minimum are already suppressed;
 * never a call of the engine's own HTTP API.
 */
public class PortalStatistics {

  private final QueryGateway queries;

  public PortalStatistics(QueryGateway queries) {
    this.queries = queries;
  }

  /** Cases per service and month ({@code from}, {@code to} inclusive, or open), and open now. */
  public CaseStatistics services(YearMonth from, YearMonth to) {
    return Answers.of(
        queries.query(new FindServiceStatistics(from, to, null), CaseStatistics.class));
  }

  /** Cases per department and month ({@code from}, {@code to} inclusive), and open now. */
  public CaseStatistics departments(YearMonth from, YearMonth to) {
    return Answers.of(
        queries.query(new FindDepartmentStatistics(from, to, null), CaseStatistics.class));
  }

  /** Participation overall, per action field and per sustainability goal. */
  public ParticipationStatistics participation() {
    return Answers.of(
        queries.query(new FindParticipationStatistics(), ParticipationStatistics.class));
  }
}
