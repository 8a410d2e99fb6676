package de.rathaus.application.notification;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;

/**
 * One notification in the outbox, keyed by the id of the event it tells of: so the event's replay
 * finds it there and writes no second one. The mail (address and text) is personal data of the
 * recipient, stored encrypted under their key; it is {@code null} once the message is done (sent,
 * given up, cancelled: kept no longer than needed) and once the recipient's data is erased. The
 * delivery record stays: when it was sent, after how many attempts, and the type of the last error
 * (never its message, which could quote the address).
 *
 * @param id the id of the event it tells of
 * @param attempts the attempts started so far
 * @param nextAttemptAt when a pending message may be tried (again)
 * @param lastError the simple name of the exception of the last failed attempt, or {@code null}
 */
public record OutboxMessage(
    String id,
    @DataSubject CitizenId recipient,
    NotificationKind kind,
    @PersonalData Mail mail,
    DeliveryStatus status,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant sentAt,
    String lastError) {

  /** A new message, to be sent from {@code at} on. */
  public static OutboxMessage pending(
      String id, CitizenId recipient, NotificationKind kind, Mail mail, Instant at) {
    return new OutboxMessage(
        id, recipient, kind, mail, DeliveryStatus.PENDING, 0, at, at, null, null);
  }

  @Override
  public String toString() {
    return "OutboxMessage[id=%s, kind=%s, status=%s, attempts=%d]"
        .formatted(id, kind, status, attempts);
  }
}
