package de.rathaus.api.catalogue;

import de.rathaus.api.shared.Aggregates;
import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadModels;
import de.rathaus.application.catalogue.CatalogueAdministration;
import de.rathaus.application.catalogue.DepartmentProjection;
import de.rathaus.application.catalogue.DepartmentViews;
import de.rathaus.application.catalogue.ServiceCatalogueProjection;
import de.rathaus.application.catalogue.ServiceViews;
import de.rathaus.application.shared.AppliedSequences;
import de.rathaus.domain.catalogue.Department;
import de.rathaus.domain.catalogue.DepartmentId;
import de.rathaus.domain.catalogue.ServiceDefinition;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the catalogue's aggregates, projections and use case (plain Java) in the engine. */
@Configuration(proxyBeanMethods = false)
public class CatalogueConfiguration {

  @Bean
  public CatalogueAdministration catalogueAdministration(
      CommandGateway commands, QueryGateway queries) {
    return new CatalogueAdministration(commands, queries);
  }

  @Bean
  public ServiceCatalogueProjection serviceCatalogueProjection(ServiceViews views) {
    return new ServiceCatalogueProjection(views);
  }

  /** The domain knows nothing of Spring, so its aggregate is registered here. */
  @Bean
  public ConfigurerModule serviceDefinitionAggregate() {
    return Aggregates.ownEventsOnly(ServiceDefinition.class);
  }

  @Bean
  public ConfigurerModule departmentAggregate() {
    return Aggregates.ownEventsOnly(Department.class);
  }

  @Bean
  public DepartmentProjection departmentProjection(DepartmentViews views) {
    return new DepartmentProjection(views);
  }

  /** The public catalogue, on its own processor {@value ServiceCatalogueProjection#NAME}. */
  @Bean
  public ConfigurerModule serviceCatalogueProcessor(
      ReadModelProgress progress, ServiceViews views) {
    return ReadModels.readModel(
        ServiceCatalogueProjection.NAME,
        ServiceCatalogueProjection.class,
        progress,
        ServiceDefinition.class,
        AppliedSequences.of(views));
  }

  /** The departments, on their own processor {@value DepartmentProjection#NAME}. */
  @Bean
  public ConfigurerModule departmentsProcessor(ReadModelProgress progress, DepartmentViews views) {
    // a department's record is kept under its code, its history under department:<code>
    return ReadModels.readModel(
        DepartmentProjection.NAME,
        DepartmentProjection.class,
        progress,
        Department.class,
        AppliedSequences.of(views, id -> new DepartmentId(id).code().value()));
  }

  /** The mark of sample data goes from the seeder's commands onto the events they cause. */
  @Bean
  public CorrelationDataProvider sampleDataMark() {
    return new SimpleCorrelationDataProvider(SampleCatalogue.MARKER);
  }
}
