package de.rathaus.infra.transparency;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.audit.RebuildableReadModel;
import de.rathaus.application.transparency.CheckpointProjection;
import de.rathaus.application.transparency.Checkpoints;
import de.rathaus.application.transparency.HistoryLog;
import de.rathaus.infra.eventstore.EventStoreAutoConfiguration;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.shared.MongoReadModelGenerations;
import de.rathaus.infra.shared.ReadModelGenerationsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The tamper-evident log on MongoDB and Rathaus' own event store, and its checkpoints. */
@AutoConfiguration(
    after = {
      MongoStorageAutoConfiguration.class,
      ReadModelGenerationsAutoConfiguration.class,
      EventStoreAutoConfiguration.class
    })
public class TransparencyAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(HistoryLog.class)
  @ConditionalOnBean(MongoEventStorageEngine.class)
  public HistoryLog historyLog(MongoDatabase database, MongoEventStorageEngine engine) {
    return new MongoHistoryLog(database, engine.reader(), engine::giveUpAbandoned);
  }

  @Bean
  @ConditionalOnMissingBean(Checkpoints.class)
  public Checkpoints checkpoints(MongoDatabase database, MongoReadModelGenerations generations) {
    return new MongoCheckpoints(generations.live(database, CheckpointProjection.NAME));
  }

  @Bean
  public RebuildableReadModel checkpointsRebuild(
      MongoDatabase database, MongoReadModelGenerations generations) {
    return generations.rebuildable(
        database,
        CheckpointProjection.NAME,
        1,
        in -> new CheckpointProjection(new MongoCheckpoints(in)));
  }
}
