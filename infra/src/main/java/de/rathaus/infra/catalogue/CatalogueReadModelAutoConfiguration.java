package de.rathaus.infra.catalogue;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.audit.RebuildableReadModel;
import de.rathaus.application.catalogue.DepartmentProjection;
import de.rathaus.application.catalogue.DepartmentViews;
import de.rathaus.application.catalogue.ServiceCatalogueProjection;
import de.rathaus.application.catalogue.ServiceViews;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.shared.MongoReadModelGenerations;
import de.rathaus.infra.shared.ReadModelGenerationsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The catalogue's read models on MongoDB: the public catalogue and the departments. */
@AutoConfiguration(
    after = {
      MongoStorageAutoConfiguration.class,
      PersonalDataAutoConfiguration.class,
      ReadModelGenerationsAutoConfiguration.class
    })
public class CatalogueReadModelAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ServiceViews.class)
  public ServiceViews serviceViews(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new MongoServiceViews(
        generations.live(database, ServiceCatalogueProjection.NAME), json.mapper());
  }

  /** The {@value ServiceCatalogueProjection.NAME} read model can be rebuilt by name (version 1). */
  @Bean
  public RebuildableReadModel serviceViewsRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return generations.rebuildable(
        database,
        ServiceCatalogueProjection.NAME,
        1,
        in -> new ServiceCatalogueProjection(new MongoServiceViews(in, json.mapper())));
  }

  @Bean
  @ConditionalOnMissingBean(DepartmentViews.class)
  public DepartmentViews departmentViews(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new MongoDepartmentViews(
        generations.live(database, DepartmentProjection.NAME), json.mapper());
  }

  /** The {@value DepartmentProjection.NAME} read model can be rebuilt by name (version 1). */
  @Bean
  public RebuildableReadModel departmentViewsRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return generations.rebuildable(
        database,
        DepartmentProjection.NAME,
        1,
        in -> new DepartmentProjection(new MongoDepartmentViews(in, json.mapper())));
  }
}
