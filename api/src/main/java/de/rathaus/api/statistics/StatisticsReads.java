package de.rathaus.api.statistics;

import de.rathaus.api.statistics.StatisticsResources.DepartmentBacklogRow;
import de.rathaus.api.statistics.StatisticsResources.DepartmentMonthRow;
import de.rathaus.api.statistics.StatisticsResources.DepartmentStatisticsAnswer;
import de.rathaus.api.statistics.StatisticsResources.ParticipationRow;
import de.rathaus.api.statistics.StatisticsResources.ParticipationStatisticsAnswer;
import de.rathaus.api.statistics.StatisticsResources.ServiceBacklogRow;
import de.rathaus.api.statistics.StatisticsResources.ServiceMonthRow;
import de.rathaus.api.statistics.StatisticsResources.ServiceStatisticsAnswer;
import de.rathaus.application.catalogue.ListPublishedServices;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.statistics.CaseStatistics;
import de.rathaus.application.statistics.FindDepartmentStatistics;
import de.rathaus.application.statistics.FindParticipationStatistics;
import de.rathaus.application.statistics.FindServiceStatistics;
import de.rathaus.application.statistics.ParticipationStatistics;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** Asks the statistics' read models, and shapes their figures as the answers show them. */
final class StatisticsReads {

  private final QueryGateway queries;

  StatisticsReads(QueryGateway queries) {
    this.queries = queries;
  }

  CaseStatistics services(StatisticsFilter filter, ServiceCode service) {
    return Answers.of(
        queries.query(
            new FindServiceStatistics(filter.from(), filter.to(), service), CaseStatistics.class));
  }

  CaseStatistics departments(StatisticsFilter filter, DepartmentCode department) {
    return Answers.of(
        queries.query(
            new FindDepartmentStatistics(filter.from(), filter.to(), department),
            CaseStatistics.class));
  }

  ParticipationStatistics participation() {
    return Answers.of(
        queries.query(new FindParticipationStatistics(), ParticipationStatistics.class));
  }

  /** The German names of the published services, by code (a retired service has none here). */
  Map<String, String> serviceNames() {
    List<ServiceView> services =
        Answers.of(
            queries.query(
                new ListPublishedServices(), ResponseTypes.multipleInstancesOf(ServiceView.class)));
    Map<String, String> names = new HashMap<>();
    for (ServiceView service : services) {
      names.put(service.code(), service.content().name().de());
    }
    return names;
  }

  ServiceStatisticsAnswer serviceAnswer(CaseStatistics figures) {
    Map<String, String> names = serviceNames();
    return new ServiceStatisticsAnswer(
        figures.months().stream().map(f -> ServiceMonthRow.of(f, names.get(f.key()))).toList(),
        figures.open().stream().map(f -> ServiceBacklogRow.of(f, names.get(f.key()))).toList());
  }

  static DepartmentStatisticsAnswer departmentAnswer(CaseStatistics figures) {
    return new DepartmentStatisticsAnswer(
        figures.months().stream().map(DepartmentMonthRow::of).toList(),
        figures.open().stream().map(DepartmentBacklogRow::of).toList());
  }

  static ParticipationStatisticsAnswer participationAnswer(ParticipationStatistics figures) {
    return new ParticipationStatisticsAnswer(
        ParticipationRow.of("all", figures.overall()),
        figures.actionFields().stream().map(f -> ParticipationRow.of("action-field", f)).toList(),
        figures.goals().stream().map(f -> ParticipationRow.of("goal", f)).toList());
  }
}
