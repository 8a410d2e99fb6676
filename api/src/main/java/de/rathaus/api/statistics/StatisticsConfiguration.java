package de.rathaus.api.statistics;

import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadModels;
import de.rathaus.application.statistics.DepartmentStatisticsProjection;
import de.rathaus.application.statistics.ParticipationStatisticsProjection;
import de.rathaus.application.statistics.ServiceStatisticsProjection;
import de.rathaus.application.statistics.StatisticsStores;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the statistics' projections (each on its own processor) and their endpoints in the engine.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenDataProperties.class)
public class StatisticsConfiguration {

  @Bean
  public ServiceStatisticsProjection serviceStatisticsProjection(StatisticsStores stores) {
    return new ServiceStatisticsProjection(stores);
  }

  @Bean
  public DepartmentStatisticsProjection departmentStatisticsProjection(StatisticsStores stores) {
    return new DepartmentStatisticsProjection(stores);
  }

  @Bean
  public ParticipationStatisticsProjection participationStatisticsProjection(
      StatisticsStores stores) {
    return new ParticipationStatisticsProjection(stores);
  }

  /** Cases per service, on its own processor {@value ServiceStatisticsProjection#NAME}. */
  @Bean
  public ConfigurerModule serviceStatisticsProcessor(ReadModelProgress progress) {
    return ReadModels.readModel(
        ServiceStatisticsProjection.NAME, ServiceStatisticsProjection.class, progress);
  }

  /** Cases per department, on its own processor {@value DepartmentStatisticsProjection#NAME}. */
  @Bean
  public ConfigurerModule departmentStatisticsProcessor(ReadModelProgress progress) {
    return ReadModels.readModel(
        DepartmentStatisticsProjection.NAME, DepartmentStatisticsProjection.class, progress);
  }

  /** Participation, on its own processor {@value ParticipationStatisticsProjection#NAME}. */
  @Bean
  public ConfigurerModule participationStatisticsProcessor(ReadModelProgress progress) {
    return ReadModels.readModel(
        ParticipationStatisticsProjection.NAME, ParticipationStatisticsProjection.class, progress);
  }

  @Bean
  StatisticsReads statisticsReads(QueryGateway queries) {
    return new StatisticsReads(queries);
  }
}
