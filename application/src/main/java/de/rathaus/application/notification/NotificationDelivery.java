package de.rathaus.application.notification;

import de.rathaus.domain.notification.NotificationPreferenceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends what waits in the outbox. Each message is claimed first (PENDING to SENDING, with a lease,
 * a conditional write only one sender wins), then handed to the mail server, then recorded SENT; a
 * failed attempt gives it back for a later try (backoff doubling from {@code firstRetry} up to
 * {@code maxRetry}) and the last of {@code maxAttempts} gives it up (FAILED). A message whose mail
 * is unreadable (its recipient's data was erased) is ended ERASED, one to a citizen who switched
 * notifications off CANCELLED, both unsent.
 *
 * <p>At least once, not exactly once: a sender that dies after the mail server accepted a mail and
 * before it recorded SENT leaves the message claimed; when its lease ends another sender sends it
 * again. The window is the time between the server's acceptance and one write.
 */
public class NotificationDelivery {

  /** How the sender retries and claims. */
  public record Policy(
      int batch, Duration lease, int maxAttempts, Duration firstRetry, Duration maxRetry) {

    public Policy {
      if (batch < 1 || maxAttempts < 1) {
        throw new IllegalArgumentException("A batch and the attempts are at least 1");
      }
    }

    /** The pause after attempt {@code attempts} failed. */
    Duration backoff(int attempts) {
      Duration pause = firstRetry;
      for (int i = 1; i < attempts && pause.compareTo(maxRetry) < 0; i++) {
        pause = pause.multipliedBy(2);
      }
      return pause.compareTo(maxRetry) > 0 ? maxRetry : pause;
    }
  }

  /** A message not sent this time, by its id (an event's id) and the exception's type. */
  public record Failure(String id, Class<?> cause) {}

  /** What one run did. */
  public record Run(int sent, List<Failure> failed) {
    public Run {
      failed = List.copyOf(failed);
    }
  }

  private final Outbox outbox;
  private final NotificationSettings settings;
  private final MailServer server;
  private final Clock clock;
  private final Policy policy;
  private final String owner = UUID.randomUUID().toString();

  public NotificationDelivery(
      Outbox outbox, NotificationSettings settings, MailServer server, Clock clock, Policy policy) {
    this.outbox = outbox;
    this.settings = settings;
    this.server = server;
    this.clock = clock;
    this.policy = policy;
  }

  /** Sends the messages due now, at most a batch. */
  public Run deliver() {
    int sent = 0;
    List<Failure> failed = new ArrayList<>();
    Instant now = clock.instant();
    for (String id : outbox.claimable(now, policy.batch())) {
      Optional<OutboxMessage> claimed = outbox.claim(id, owner, now, now.plus(policy.lease()));
      if (claimed.isEmpty()) {
        continue; // another sender has it, or it is done
      }
      OutboxMessage message = claimed.get();
      if (message.mail() == null) {
        outbox.end(id, owner, DeliveryStatus.ERASED, null);
        continue;
      }
      if (!wanted(message)) {
        outbox.end(id, owner, DeliveryStatus.CANCELLED, null);
        continue;
      }
      try {
        server.send(message.mail());
      } catch (RuntimeException e) {
        String error = e.getClass().getSimpleName();
        if (message.attempts() >= policy.maxAttempts()) {
          outbox.end(id, owner, DeliveryStatus.FAILED, error);
        } else {
          outbox.retry(id, owner, clock.instant().plus(policy.backoff(message.attempts())), error);
        }
        failed.add(new Failure(id, e.getClass()));
        continue;
      }
      outbox.sent(id, owner, clock.instant());
      sent++;
    }
    return new Run(sent, failed);
  }

  private boolean wanted(OutboxMessage message) {
    return settings
        .find(NotificationPreferenceId.of(message.recipient()).value())
        .map(NotificationSetting::email)
        .orElse(true);
  }
}
