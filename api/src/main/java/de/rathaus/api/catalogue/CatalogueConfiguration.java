package de.rathaus.api.catalogue;

import de.rathaus.application.catalogue.ServiceCatalogueProjection;
import de.rathaus.application.catalogue.ServiceViews;
import de.rathaus.domain.catalogue.ServiceDefinition;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the catalogue's projection (plain Java, application layer) in the engine. */
@Configuration(proxyBeanMethods = false)
public class CatalogueConfiguration {

  @Bean
  public ServiceCatalogueProjection serviceCatalogueProjection(ServiceViews views) {
    return new ServiceCatalogueProjection(views);
  }

  /** The domain knows nothing of Spring, so its aggregate is registered here. */
  @Bean
  public ConfigurerModule serviceDefinitionAggregate() {
    return configurer -> configurer.configureAggregate(ServiceDefinition.class);
  }
}
