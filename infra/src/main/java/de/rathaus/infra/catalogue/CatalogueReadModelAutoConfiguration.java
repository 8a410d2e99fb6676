package de.rathaus.infra.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import de.rathaus.application.catalogue.ServiceViews;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The catalogue's read model on MongoDB. */
@AutoConfiguration(after = MongoStorageAutoConfiguration.class)
public class CatalogueReadModelAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ServiceViews.class)
  public ServiceViews serviceViews(MongoDatabase database, ObjectMapper json) {
    return new MongoServiceViews(database, json);
  }
}
