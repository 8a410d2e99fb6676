package de.rathaus.api.privacy;

import de.rathaus.api.shared.PeriodicTask;
import de.rathaus.application.catalogue.ServiceViews;
import de.rathaus.application.privacy.PersonalDataErasure;
import de.rathaus.application.privacy.PersonalDataExport;
import de.rathaus.application.privacy.PersonalDataKeys;
import de.rathaus.application.privacy.RetentionWatch;
import de.rathaus.application.servicerequest.CaseViews;
import de.rathaus.application.servicerequest.RequestViews;
import de.rathaus.domain.privacy.ErasureRecord;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts erasure, export and retention in the engine. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

  @Bean
  public ConfigurerModule erasureRecordAggregate() {
    return configurer -> configurer.configureAggregate(ErasureRecord.class);
  }

  @Bean
  public PersonalDataErasure personalDataErasure(
      PersonalDataKeys keys, CommandGateway commands, Clock clock) {
    return new PersonalDataErasure(keys, commands, clock);
  }

  @Bean
  public PersonalDataExport personalDataExport(
      RequestViews requests, CaseViews cases, PersonalDataKeys keys, Clock clock) {
    return new PersonalDataExport(requests, cases, keys, clock);
  }

  @Bean
  public RetentionWatch retentionWatch(
      RequestViews requests,
      ServiceViews services,
      PersonalDataKeys keys,
      PersonalDataErasure erasure) {
    return new RetentionWatch(requests, services, keys, erasure);
  }

  /**
   * Erases data past its retention at the start and every {@code
   * rathaus.privacy.retention-check-interval}.
   */
  @Bean
  public PeriodicTask retentionSchedule(
      RetentionWatch watch,
      Clock clock,
      @Value("${rathaus.privacy.retention-check-interval:PT6H}") Duration interval) {
    return new PeriodicTask("retention-watch", interval, () -> watch.eraseExpired(clock.instant()));
  }
}
