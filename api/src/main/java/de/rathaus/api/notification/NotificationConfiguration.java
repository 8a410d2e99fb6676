package de.rathaus.api.notification;

import de.rathaus.api.shared.Aggregates;
import de.rathaus.api.shared.AxonClocks;
import de.rathaus.api.shared.PeriodicTask;
import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadModels;
import de.rathaus.application.notification.NotificationDelivery;
import de.rathaus.application.notification.NotificationOutboxProjection;
import de.rathaus.application.notification.NotificationSettings;
import de.rathaus.application.notification.Outbox;
import de.rathaus.application.notification.ProposalAuthors;
import de.rathaus.application.notification.RequestContacts;
import de.rathaus.domain.notification.NotificationPreference;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Notifications by e-mail: the preference aggregate, the outbox's processor {@value
 * NotificationOutboxProjection#NAME}, the caller's language on commands, and the sender, which runs
 * only where a mail server is configured ({@code spring.mail.host}). Without one the outbox is
 * still written and nothing is sent: once a server is configured, what waits (and is younger than
 * the attempts allow) goes out.
 *
 * <p>The outbox's records go by the wall clock (event timestamps are the wall clock's), not by the
 * engine's clock that tests move.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationConfiguration.class);

  /** The name of the sender's watch, in the log and in its metrics' tag. */
  static final String SENDER = "notification-sender";

  @Bean
  public ConfigurerModule notificationPreferenceAggregate() {
    return Aggregates.ownEventsOnly(NotificationPreference.class);
  }

  @Bean
  public NotificationOutboxProjection notificationOutboxProjection(
      Outbox outbox,
      RequestContacts contacts,
      ProposalAuthors authors,
      NotificationSettings settings,
      NotificationProperties properties,
      Clock clock) {
    return new NotificationOutboxProjection(
        outbox, contacts, authors, settings, clock, AxonClocks.messages(), properties.maxAge());
  }

  /** The outbox's own processor, {@value NotificationOutboxProjection#NAME}. */
  @Bean
  public ConfigurerModule notificationOutboxProcessor(ReadModelProgress progress) {
    return ReadModels.readModel(
        NotificationOutboxProjection.NAME, NotificationOutboxProjection.class, progress);
  }

  /** The caller's language on every command sent for an HTTP call (see the class). */
  @Bean
  public CallersLanguageMetadata callersLanguageMetadata(CommandBus commandBus) {
    CallersLanguageMetadata stamp = new CallersLanguageMetadata();
    commandBus.registerDispatchInterceptor(stamp);
    return stamp;
  }

  /** ... and on the events the command causes. */
  @Bean
  public CorrelationDataProvider languageCorrelation() {
    return new SimpleCorrelationDataProvider(NotificationOutboxProjection.LANGUAGE);
  }

  /** Says once at start that nothing is sent, without a mail server. */
  @Bean
  @ConditionalOnMissingBean(JavaMailSender.class)
  public ApplicationListener<ApplicationReadyEvent> notificationsNotSent() {
    return ready -> {
      if (!ready.getApplicationContext().getEnvironment().containsProperty("spring.mail.host")) {
        LOG.info(
            "No mail server is configured (spring.mail.host): notifications are kept in the"
                + " outbox and not sent");
      }
    };
  }

  /** The sender, where Spring Boot configures a mail server. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "spring.mail", name = "host")
  static class Sending {

    @Bean
    public NotificationDelivery notificationDelivery(
        Outbox outbox,
        NotificationSettings settings,
        JavaMailSender mail,
        NotificationProperties properties,
        Clock clock) {
      return new NotificationDelivery(
          outbox,
          settings,
          new SmtpMailServer(mail, properties.from()),
          clock,
          new NotificationDelivery.Policy(
              properties.batch(),
              properties.lease(),
              properties.maxAttempts(),
              properties.firstRetry(),
              properties.maxRetry()));
    }

    /**
     * Sends what waits once the engine is ready and every {@code
     * rathaus.notifications.send-interval}; a message that could not be sent is logged and counted
     * with its id (an event's id) and the exception's type, never its address or text.
     */
    @Bean
    public PeriodicTask notificationSchedule(
        NotificationDelivery delivery, MeterRegistry meters, NotificationProperties properties) {
      return new PeriodicTask(
          SENDER,
          properties.sendInterval(),
          () -> {
            NotificationDelivery.Run run = delivery.deliver();
            return new PeriodicTask.Outcome(
                run.sent(),
                run.failed().stream()
                    .map(f -> new PeriodicTask.Failure(f.id(), f.cause()))
                    .toList());
          },
          meters);
    }
  }
}
