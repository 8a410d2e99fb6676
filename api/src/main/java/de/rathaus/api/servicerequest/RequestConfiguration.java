package de.rathaus.api.servicerequest;

import de.rathaus.api.shared.PeriodicTask;
import de.rathaus.application.servicerequest.CaseNumbers;
import de.rathaus.application.servicerequest.CaseProjection;
import de.rathaus.application.servicerequest.CaseViews;
import de.rathaus.application.servicerequest.DeadlineWatch;
import de.rathaus.application.servicerequest.RequestProjection;
import de.rathaus.application.servicerequest.RequestSubmission;
import de.rathaus.application.servicerequest.RequestViews;
import de.rathaus.domain.servicerequest.ServiceRequest;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the request aggregate, its projection and the submission use case in the engine. */
@Configuration(proxyBeanMethods = false)
public class RequestConfiguration {

  @Bean
  public ConfigurerModule serviceRequestAggregate() {
    return configurer -> configurer.configureAggregate(ServiceRequest.class);
  }

  @Bean
  public RequestProjection requestProjection(RequestViews views) {
    return new RequestProjection(views);
  }

  @Bean
  public CaseProjection caseProjection(CaseViews views) {
    return new CaseProjection(views);
  }

  @Bean
  public RequestSubmission requestSubmission(
      CommandGateway commands, QueryGateway queries, CaseNumbers caseNumbers, Clock clock) {
    return new RequestSubmission(commands, queries, caseNumbers, clock);
  }

  @Bean
  public DeadlineWatch deadlineWatch(CaseViews cases, CommandGateway commands) {
    return new DeadlineWatch(cases, commands);
  }

  /** Flags overdue cases at the start and every {@code rathaus.deadlines.check-interval}. */
  @Bean
  public PeriodicTask deadlineSchedule(
      DeadlineWatch watch,
      Clock clock,
      @Value("${rathaus.deadlines.check-interval:PT1M}") Duration interval) {
    return new PeriodicTask("deadline-watch", interval, () -> watch.flagOverdue(clock.instant()));
  }
}
