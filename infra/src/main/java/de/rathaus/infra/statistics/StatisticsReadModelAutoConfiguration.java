package de.rathaus.infra.statistics;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.audit.RebuildableReadModel;
import de.rathaus.application.statistics.DepartmentStatisticsProjection;
import de.rathaus.application.statistics.ParticipationStatisticsProjection;
import de.rathaus.application.statistics.ServiceStatisticsProjection;
import de.rathaus.application.statistics.StatisticsStores;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.shared.MongoReadModelGenerations;
import de.rathaus.infra.shared.ReadModelGenerationsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The statistics' read models on MongoDB. */
@AutoConfiguration(
    after = {
      MongoStorageAutoConfiguration.class,
      PersonalDataAutoConfiguration.class,
      ReadModelGenerationsAutoConfiguration.class
    })
public class StatisticsReadModelAutoConfiguration {

  /** Each statistic reads and writes the generation of its read model in use. */
  @Bean
  @ConditionalOnMissingBean(StatisticsStores.class)
  public StatisticsStores statisticsStores(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new MongoStatisticsStores(
        readModel -> generations.live(database, readModel), json.mapper());
  }

  /**
   * A statistic is rebuilt by name, and a new {@code VERSION} of its projection is built from the
   * whole history at start while the old version answers, then switched in.
   */
  @Bean
  public RebuildableReadModel serviceStatisticsRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new RebuildableReadModel(
        ServiceStatisticsProjection.NAME,
        ServiceStatisticsProjection.VERSION,
        generation -> new ServiceStatisticsProjection(in(database, json, generations, generation)));
  }

  @Bean
  public RebuildableReadModel departmentStatisticsRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new RebuildableReadModel(
        DepartmentStatisticsProjection.NAME,
        DepartmentStatisticsProjection.VERSION,
        generation ->
            new DepartmentStatisticsProjection(in(database, json, generations, generation)));
  }

  @Bean
  public RebuildableReadModel participationStatisticsRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new RebuildableReadModel(
        ParticipationStatisticsProjection.NAME,
        ParticipationStatisticsProjection.VERSION,
        generation ->
            new ParticipationStatisticsProjection(in(database, json, generations, generation)));
  }

  private static StatisticsStores in(
      MongoDatabase database,
      ProtectedJson json,
      MongoReadModelGenerations generations,
      int generation) {
    return new MongoStatisticsStores(
        readModel -> generations.generation(database, readModel, generation), json.mapper());
  }
}
