package de.rathaus.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.application.servicerequest.RequestSubmission;
import de.rathaus.application.shared.IdempotencyRecords;
import de.rathaus.domain.participation.ProposalRuleViolation;
import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** Wiring of what all resources share. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class ApiConfiguration {

  /**
   * The engine's clock, moved by {@code rathaus.clock.offset} (tests of clock skew only; see {@link
   * ClockOffset}); tests put one in its place to move time.
   */
  @Bean
  @ConditionalOnMissingBean(Clock.class)
  public Clock clock(Environment environment) {
    return ClockOffset.of(environment.getProperty(ClockOffset.SETTING)).shift(Clock.systemUTC());
  }

  /**
   * Axon's own clocks (the timestamps of events and deadline messages, see {@link AxonClocks})
   * moved by the same offset as the engine's, before Axon builds its processors.
   */
  @Bean(destroyMethod = "close")
  public AxonClocks axonClocks(Environment environment) {
    ClockOffset offset = ClockOffset.of(environment.getProperty(ClockOffset.SETTING));
    return AxonClocks.set(offset.shift(org.axonframework.eventhandling.GenericEventMessage.clock));
  }

  /** Who sent a command, on every command and on the events it causes. */
  @Bean
  public ActorMetadata actorMetadata(CommandBus commandBus) {
    ActorMetadata stamp = new ActorMetadata();
    commandBus.registerDispatchInterceptor(stamp);
    return stamp;
  }

  @Bean
  public CorrelationDataProvider actorCorrelation() {
    return new SimpleCorrelationDataProvider(ActorMetadata.KEYS);
  }

  /**
   * Correlation (the first message of a chain) and causation (the message that caused this one) on
   * every message. Declared here because a provider of our own replaces Axon's default.
   */
  @Bean
  public CorrelationDataProvider originCorrelation() {
    return new MessageOriginProvider("causationId", "correlationId");
  }

  /** Notes the events each command produces (read-your-writes waits for them). */
  @Bean
  public ProducedEvents producedEvents(EventBus eventBus) {
    ProducedEvents produced = new ProducedEvents();
    eventBus.registerDispatchInterceptor(produced);
    return produced;
  }

  /** Processors woken when events are stored, not every half second (see the class). */
  @Bean(destroyMethod = "close")
  public ProcessorWakeUp processorWakeUp() {
    return new ProcessorWakeUp();
  }

  @Bean
  public ConfigurerModule wakingProcessors(ProcessorWakeUp wakeUp) {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                processing.configureDefaultStreamableMessageSource(
                    axon -> wakeUp.source(axon.eventStore())));
  }

  @Bean
  public ReadModelProgress readModelProgress() {
    return new ReadModelProgress();
  }

  /**
   * Command endpoints answer once their read models show the change; {@code
   * rathaus.api.read-your-writes=false} turns the wait off (only to measure what it costs).
   */
  @Bean
  public ReadYourWrites readYourWrites(
      ProducedEvents produced,
      ReadModelProgress progress,
      ObjectProvider<org.axonframework.config.Configuration> axon,
      ApiProperties api) {
    return new ReadYourWrites(
        produced,
        progress,
        () -> axon.getObject().eventProcessingConfiguration(),
        (aggregate, first) -> axon.getObject().eventStore().readEvents(aggregate, first),
        api.readYourWrites());
  }

  @Bean
  public Idempotency idempotency(IdempotencyRecords records, ObjectMapper json, Clock clock) {
    return new Idempotency(records, json, clock, ApiConfiguration::refusedInput);
  }

  /**
   * Failures that certainly stored nothing: the input was refused before or by the aggregate's
   * rules. (A store that did not confirm, or anything unforeseen, may have stored the request.)
   */
  static boolean refusedInput(RuntimeException e) {
    return e instanceof RequestSubmission.InvalidForm
        || e instanceof RequestSubmission.UnknownService
        || e instanceof ServiceRequestRuleViolation
        || e instanceof ProposalRuleViolation
        || e instanceof Choices.InvalidChoice
        || (e instanceof IllegalArgumentException
            && e.getStackTrace().length > 0
            && e.getStackTrace()[0].getClassName().startsWith("de.rathaus."));
  }

  @Bean
  public Problems problems(MessageSource messageSource) {
    return new Problems(messageSource);
  }

  /**
   * Right after {@link CallersLanguage} (which only wraps the request), before every other filter:
   * what they throw is answered and logged with an error id.
   */
  @Bean
  public FilterRegistrationBean<UnexpectedErrors> unexpectedErrors(
      Problems problems, ObjectMapper json) {
    FilterRegistrationBean<UnexpectedErrors> registration =
        new FilterRegistrationBean<>(new UnexpectedErrors(problems, json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** Request bodies over {@code rathaus.api.max-body-size} (default 256 KB) are refused. */
  @Bean
  public FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
      ApiProperties api, Problems problems, ObjectMapper json) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(
            new RequestSizeLimit(api.maxBodySize().toBytes(), problems, json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
