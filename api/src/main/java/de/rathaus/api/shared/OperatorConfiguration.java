package de.rathaus.api.shared;

import de.rathaus.application.shared.EventCoverage;
import de.rathaus.application.shared.LiveClaims;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the city's operator relies on: readiness that means ready, and the engine's metrics. */
@Configuration(proxyBeanMethods = false)
public class OperatorConfiguration {

  /** Holds readiness back until the read models have applied what was stored at start. */
  @Bean
  public Readiness readiness(
      EventProcessingConfiguration processing,
      EventStore events,
      TokenStore tokens,
      ObjectProvider<LiveClaims> live,
      ObjectProvider<EventCoverage> coverage,
      ApplicationEventPublisher publisher) {
    return new Readiness(
        processing,
        events,
        tokens,
        live.getIfAvailable(() -> LiveClaims.NONE),
        coverage.getIfAvailable(() -> EventCoverage.TOKENS),
        publisher);
  }

  /** Each read model's position and how far behind the store's head it is, as metrics. */
  @Bean
  ProcessorMetrics readModelPositions(
      EventProcessingConfiguration processing, EventStore events, MeterRegistry meters) {
    return new ProcessorMetrics(processing, events, meters);
  }
}
