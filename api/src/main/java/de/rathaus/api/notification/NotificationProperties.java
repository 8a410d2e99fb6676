package de.rathaus.api.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The notifications' outbox and sender ({@code RATHAUS_NOTIFICATIONS_…}). The mail server itself is
 * Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} nothing is sent (the outbox
 * is still written, so nothing is lost).
 *
 * @param from the sender address of the mails; default {@code rathaus@localhost}
 * @param sendInterval the pause between two runs of the sender; default ten seconds
 * @param batch the most messages one run sends; default 50
 * @param lease how long a claimed message is the claiming sender's; longer than the mail server's
 *     timeouts (another sender takes it over after that); default two minutes
 * @param maxAttempts the attempts before a message is given up; default 10
 * @param firstRetry the pause after the first failed attempt, doubled after each further one;
 *     default 30 seconds
 * @param maxRetry the longest pause between two attempts; default one hour
 * @param maxAge events older than this when the outbox's processor handles them are not mailed
 *     about (the first start on an existing history); default two days
 */
@ConfigurationProperties("rathaus.notifications")
public record NotificationProperties(
    String from,
    Duration sendInterval,
    Integer batch,
    Duration lease,
    Integer maxAttempts,
    Duration firstRetry,
    Duration maxRetry,
    Duration maxAge) {

  public NotificationProperties {
    from = from == null || from.isBlank() ? "rathaus@localhost" : from;
    sendInterval = sendInterval == null ? Duration.ofSeconds(10) : sendInterval;
    batch = batch == null ? 50 : batch;
    lease = lease == null ? Duration.ofMinutes(2) : lease;
    maxAttempts = maxAttempts == null ? 10 : maxAttempts;
    firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
    maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
    maxAge = maxAge == null ? Duration.ofDays(2) : maxAge;
  }
}
