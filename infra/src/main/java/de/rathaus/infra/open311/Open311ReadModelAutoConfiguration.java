package de.rathaus.infra.open311;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.audit.RebuildableReadModel;
import de.rathaus.application.open311.Open311Projection;
import de.rathaus.application.open311.PublicRequests;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.shared.MongoReadModelGenerations;
import de.rathaus.infra.shared.ReadModelGenerationsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Open311's read model on MongoDB: the public requests. */
@AutoConfiguration(
    after = {
      MongoStorageAutoConfiguration.class,
      PersonalDataAutoConfiguration.class,
      ReadModelGenerationsAutoConfiguration.class
    })
public class Open311ReadModelAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(PublicRequests.class)
  public PublicRequests publicRequests(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new MongoPublicRequests(
        generations.live(database, Open311Projection.NAME), json.mapper());
  }

  /** The {@value Open311Projection#NAME} read model can be rebuilt by name (version 1). */
  @Bean
  public RebuildableReadModel publicRequestsRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return generations.rebuildable(
        database,
        Open311Projection.NAME,
        1,
        in -> new Open311Projection(new MongoPublicRequests(in, json.mapper())));
  }
}
