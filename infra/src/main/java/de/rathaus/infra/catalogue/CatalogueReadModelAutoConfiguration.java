package de.rathaus.infra.catalogue;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.catalogue.DepartmentViews;
import de.rathaus.application.catalogue.ServiceViews;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The catalogue's read models on MongoDB: the public catalogue and the departments. */
@AutoConfiguration(
    after = {MongoStorageAutoConfiguration.class, PersonalDataAutoConfiguration.class})
public class CatalogueReadModelAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ServiceViews.class)
  public ServiceViews serviceViews(MongoDatabase database, ProtectedJson json) {
    return new MongoServiceViews(database, json.mapper());
  }

  @Bean
  @ConditionalOnMissingBean(DepartmentViews.class)
  public DepartmentViews departmentViews(MongoDatabase database, ProtectedJson json) {
    return new MongoDepartmentViews(database, json.mapper());
  }
}
