package de.rathaus.application.notification;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.notification.NotificationPreferenceId;
import de.rathaus.domain.shared.CitizenId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the sender delivers what waits in the outbox, one rule per test. */
class NotificationDeliveryTest {

  private static final Instant START = Instant.parse("2026-04-02T08:00:00Z");
  private static final CitizenId ANNA = new CitizenId("anna");
  private static final Mail MAIL = new Mail("anna@example.org", "Betreff", "Text");
  private static final NotificationDelivery.Policy POLICY =
      new NotificationDelivery.Policy(
          50, Duration.ofMinutes(2), 3, Duration.ofSeconds(30), Duration.ofMinutes(1));

  /** A clock the test moves. */
  private static final class Moving extends Clock {
    Instant now = START;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A mail server that is down while {@code down}, and records what it accepted. */
  private static final class Server implements MailServer {
    boolean down;
    final List<Mail> accepted = new ArrayList<>();

    @Override
    public void send(Mail mail) {
      if (down) {
        throw new IllegalStateException("down: " + mail.to());
      }
      accepted.add(mail);
    }
  }

  /** The outbox's monotonic clock, which the test moves with the wall clock. */
  private long nanos;

  private final InMemoryOutbox outbox = new InMemoryOutbox(() -> nanos);
  private final InMemoryNotificationRecords.Settings settings =
      new InMemoryNotificationRecords.Settings();
  private final Server server = new Server();
  private final Moving clock = new Moving();
  private final NotificationDelivery delivery =
      new NotificationDelivery(outbox, settings, server, clock, POLICY);

  private void waiting(String id, Mail mail) {
    outbox.add(OutboxMessage.pending(id, ANNA, NotificationKind.SUBMITTED, mail, START));
  }

  @Test
  void sendsWhatWaitsAndRecordsItSentWithoutItsMail() {
    waiting("e1", MAIL);
    assertThat(delivery.deliver().sent()).isEqualTo(1);
    assertThat(server.accepted).containsExactly(MAIL);
    OutboxMessage sent = outbox.find("e1").orElseThrow();
    assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(sent.sentAt()).isEqualTo(START);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.mail()).isNull();
    assertThat(delivery.deliver().sent()).as("sent once").isZero();
  }

  @Test
  void aFailedAttemptIsCountedAndTriedAgainAfterItsPauseOnly() {
    waiting("e1", MAIL);
    server.down = true;
    NotificationDelivery.Run failed = delivery.deliver();
    assertThat(failed.failed()).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo("e1"));
    OutboxMessage waiting = outbox.find("e1").orElseThrow();
    assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.lastError()).isEqualTo("IllegalStateException");
    assertThat(waiting.nextAttemptAt()).isEqualTo(START.plusSeconds(30));
    server.down = false;
    clock.now = START.plusSeconds(29);
    assertThat(delivery.deliver().sent()).as("not before its pause").isZero();
    clock.now = START.plusSeconds(30);
    assertThat(delivery.deliver().sent()).isEqualTo(1);
    assertThat(server.accepted).hasSize(1);
  }

  @Test
  void theErrorRecordedIsTheExceptionsTypeNeverItsMessage() {
    waiting("e1", MAIL);
    server.down = true;
    delivery.deliver();
    assertThat(outbox.find("e1").orElseThrow().lastError()).doesNotContain("anna@example.org");
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    waiting("e1", MAIL);
    server.down = true;
    for (int i = 0; i < 3; i++) {
      delivery.deliver();
      clock.now = clock.now.plus(Duration.ofMinutes(5));
    }
    OutboxMessage failed = outbox.find("e1").orElseThrow();
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.mail()).isNull();
    server.down = false;
    assertThat(delivery.deliver().sent()).isZero();
  }

  @Test
  void theBackoffDoublesUpToItsLongestPause() {
    assertThat(POLICY.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(POLICY.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(POLICY.backoff(9)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aMessageAnotherSenderClaimedIsNotSentUntilItsLeaseEnds() {
    waiting("e1", MAIL);
    assertThat(outbox.claim("e1", "other", START, START.plus(Duration.ofMinutes(2)))).isPresent();
    assertThat(delivery.deliver().sent()).isZero();
    assertThat(server.accepted).isEmpty();
    // the other sender died: once this one saw its lease unchanged for the lease, the message is
    // sent (at least once)
    clock.now = START.plus(Duration.ofMinutes(3));
    nanos += Duration.ofMinutes(3).toNanos();
    assertThat(delivery.deliver().sent()).isEqualTo(1);
    assertThat(outbox.sent("e1", "other", clock.now))
        .as("the dead sender's claim is gone")
        .isFalse();
  }

  @Test
  void aMessageWhoseMailIsUnreadableIsEndedUnsent() {
    waiting("e1", null);
    delivery.deliver();
    assertThat(outbox.find("e1").orElseThrow().status()).isEqualTo(DeliveryStatus.ERASED);
    assertThat(server.accepted).isEmpty();
  }

  @Test
  void aMessageToACitizenWhoSwitchedOffIsCancelledUnsent() {
    waiting("e1", MAIL);
    String id = NotificationPreferenceId.of(ANNA).value();
    settings.insert(new NotificationSetting(id, ANNA, false, 0));
    delivery.deliver();
    assertThat(outbox.find("e1").orElseThrow().status()).isEqualTo(DeliveryStatus.CANCELLED);
    assertThat(server.accepted).isEmpty();
  }
}
