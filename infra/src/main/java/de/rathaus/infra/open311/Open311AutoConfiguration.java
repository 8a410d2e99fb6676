package de.rathaus.infra.open311;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.audit.RebuildableReadModel;
import de.rathaus.application.open311.Open311KeyProjection;
import de.rathaus.application.open311.Open311KeyViews;
import de.rathaus.application.open311.SettledHistory;
import de.rathaus.infra.eventstore.EventStoreAutoConfiguration;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.shared.MongoReadModelGenerations;
import de.rathaus.infra.shared.ReadModelGenerationsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Open311 on MongoDB: the API keys' read model and the settled history the updates feed reads. */
@AutoConfiguration(
    after = {
      MongoStorageAutoConfiguration.class,
      PersonalDataAutoConfiguration.class,
      ReadModelGenerationsAutoConfiguration.class,
      EventStoreAutoConfiguration.class
    })
public class Open311AutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(Open311KeyViews.class)
  public Open311KeyViews open311KeyViews(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new MongoOpen311KeyViews(
        generations.live(database, Open311KeyProjection.NAME), json.mapper());
  }

  /** The {@value Open311KeyProjection.NAME} read model can be rebuilt by name (version 1). */
  @Bean
  public RebuildableReadModel open311KeyViewsRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return generations.rebuildable(
        database,
        Open311KeyProjection.NAME,
        1,
        in -> new Open311KeyProjection(new MongoOpen311KeyViews(in, json.mapper())));
  }

  @Bean
  @ConditionalOnMissingBean(SettledHistory.class)
  @ConditionalOnBean(MongoEventStorageEngine.class)
  public SettledHistory settledHistory(MongoEventStorageEngine engine) {
    return new StoredSettledHistory(engine.reader(), engine::giveUpAbandoned);
  }
}
