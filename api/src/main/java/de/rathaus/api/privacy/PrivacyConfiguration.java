package de.rathaus.api.privacy;

import de.rathaus.api.shared.Aggregates;
import de.rathaus.api.shared.PeriodicTask;
import de.rathaus.application.catalogue.ServiceViews;
import de.rathaus.application.participation.ProposalViews;
import de.rathaus.application.privacy.AccessLog;
import de.rathaus.application.privacy.AccessLogErasure;
import de.rathaus.application.privacy.AccessRecorder;
import de.rathaus.application.privacy.ErasureCompletion;
import de.rathaus.application.privacy.MissingKeys;
import de.rathaus.application.privacy.PersonalDataErasure;
import de.rathaus.application.privacy.PersonalDataExport;
import de.rathaus.application.privacy.PersonalDataKeys;
import de.rathaus.application.privacy.PrivacySubjects;
import de.rathaus.application.privacy.PrivacySubjectsProjection;
import de.rathaus.application.privacy.ReadModelProgress;
import de.rathaus.application.privacy.RetentionWatch;
import de.rathaus.application.servicerequest.AttachmentFiles;
import de.rathaus.application.servicerequest.CaseViews;
import de.rathaus.application.servicerequest.RequestProjection;
import de.rathaus.application.servicerequest.RequestViews;
import de.rathaus.application.shared.EventCoverage;
import de.rathaus.domain.privacy.ErasureRecord;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts erasure, export and retention in the engine. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RetentionProperties.class, AccessLogProperties.class})
public class PrivacyConfiguration {

  @Bean
  public ConfigurerModule erasureRecordAggregate() {
    return Aggregates.ownEventsOnly(ErasureRecord.class);
  }

  /** The citizens whose personal data is held, read at start by the key store's checks. */
  @Bean
  public PrivacySubjectsProjection privacySubjectsProjection(PrivacySubjects subjects) {
    return new PrivacySubjectsProjection(subjects);
  }

  /** Destroys the key of a recorded erasure that a crash left behind. */
  @Bean
  public ErasureCompletion erasureCompletion(PersonalDataKeys keys) {
    return new ErasureCompletion(keys);
  }

  /** Both in one processing group of a stable name, {@value PrivacySubjectsProjection#NAME}. */
  @Bean
  public ConfigurerModule privacySubjectsProcessingGroup() {
    return configurer ->
        configurer
            .eventProcessing()
            .assignHandlerTypesMatching(
                PrivacySubjectsProjection.NAME,
                type ->
                    type == PrivacySubjectsProjection.class
                        || type == ErasureCompletion.class
                        || type == AccessLogErasure.class);
  }

  /**
   * The count of values whose key was missing without a recorded erasure, as the metric {@code
   * rathaus.privacy.keys.missing}.
   */
  @Bean
  public MeterBinder missingKeysMetric(MissingKeys missing) {
    return registry ->
        FunctionCounter.builder("rathaus.privacy.keys.missing", missing, MissingKeys::total)
            .description(
                "Personal values that could not be read: key missing without a recorded erasure")
            .register(registry);
  }

  @Bean
  public PersonalDataErasure personalDataErasure(
      PersonalDataKeys keys, CommandGateway commands, Clock clock, AccessLog accessLog) {
    return new PersonalDataErasure(keys, commands, clock, accessLog);
  }

  /** Deletes the access-log entries of an erased citizen, from the recorded erasure. */
  @Bean
  public AccessLogErasure accessLogErasure(AccessLog accessLog) {
    return new AccessLogErasure(accessLog);
  }

  /** The access log's writer: group commit, the read waits for its entry (bounded). */
  @Bean(destroyMethod = "close")
  public AccessRecorder accessRecorder(AccessLog accessLog, AccessLogProperties properties) {
    return new AccessRecorder(accessLog, properties.capacity(), properties.maxWait());
  }

  @Bean
  public AccessRecording accessRecording(AccessRecorder recorder, Clock clock, CaseViews cases) {
    return new AccessRecording(recorder, clock, cases);
  }

  /**
   * Reads answered before their access-log entry was stored, as {@code
   * rathaus.privacy.access-log.late}, and entries that could not be stored, {@code …failed}.
   */
  @Bean
  public MeterBinder accessLogMetrics(AccessRecorder recorder) {
    return registry -> {
      FunctionCounter.builder("rathaus.privacy.access-log.late", recorder, AccessRecorder::late)
          .description("Access-log entries whose read was answered before they were stored")
          .register(registry);
      FunctionCounter.builder("rathaus.privacy.access-log.failed", recorder, AccessRecorder::failed)
          .description("Access-log entries that could not be stored (their reads failed)")
          .register(registry);
    };
  }

  @Bean
  public PersonalDataExport personalDataExport(
      RequestViews requests,
      CaseViews cases,
      ProposalViews proposals,
      PersonalDataKeys keys,
      AttachmentFiles files,
      Clock clock) {
    return new PersonalDataExport(requests, cases, proposals, keys, files, clock);
  }

  @Bean
  public RetentionWatch retentionWatch(
      RequestViews requests,
      ServiceViews services,
      PersonalDataKeys keys,
      PersonalDataErasure erasure,
      ReadModelProgress requestsProgress) {
    return new RetentionWatch(requests, services, keys, erasure, requestsProgress);
  }

  /**
   * Whether the requests' read model on this instance has applied every stored event: its
   * processor's tokens against the event store's head.
   */
  @Bean
  public ReadModelProgress requestsProgress(
      EventProcessingConfiguration processing,
      EventStore events,
      ObjectProvider<EventCoverage> coverage) {
    return new ProcessorProgress(
        () -> processing.eventProcessor(REQUEST_READ_MODELS, StreamingEventProcessor.class),
        events,
        coverage.getIfAvailable(() -> EventCoverage.TOKENS));
  }

  /** The processor of the applicants' read model, which retention reads. */
  static final String REQUEST_READ_MODELS = RequestProjection.NAME;

  /**
   * Erases data past its retention once the engine is ready and every {@code
   * rathaus.privacy.retention-check-interval}; an erasure that failed is logged and counted with
   * the subject id (pseudonymous).
   */
  @Bean
  public PeriodicTask retentionSchedule(
      RetentionWatch watch, Clock clock, MeterRegistry meters, RetentionProperties properties) {
    return new PeriodicTask(
        "retention-watch",
        properties.retentionCheckInterval(),
        () -> {
          RetentionWatch.Run run = watch.eraseExpired(clock.instant());
          return new PeriodicTask.Outcome(
              run.erased().size(),
              run.failed().stream()
                  .map(f -> new PeriodicTask.Failure(f.subject().value(), f.cause()))
                  .toList());
        },
        meters);
  }
}
