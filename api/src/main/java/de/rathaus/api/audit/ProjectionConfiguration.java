package de.rathaus.api.audit;

import de.rathaus.api.shared.ReadModelRebuilds;
import de.rathaus.application.audit.ReadModelGenerations;
import de.rathaus.application.audit.RebuildableReadModel;
import de.rathaus.application.shared.EventCoverage;
import java.time.Clock;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/** Read models rebuilt by name: every {@link RebuildableReadModel} the engine declares. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

  @Bean
  public ReadModelRebuilds readModelRebuilds(
      List<RebuildableReadModel> models,
      ReadModelGenerations generations,
      EventStore events,
      TokenStore tokens,
      ObjectProvider<Configuration> axon,
      ObjectProvider<EventCoverage> coverage,
      Clock clock) {
    return new ReadModelRebuilds(
        models,
        generations,
        events,
        tokens,
        axon::getObject,
        coverage.getIfAvailable(() -> EventCoverage.TOKENS),
        clock);
  }
}
