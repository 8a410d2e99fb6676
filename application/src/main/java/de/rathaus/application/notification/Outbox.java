package de.rathaus.application.notification;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The messages waiting to be sent and the record of those sent. Not a rebuildable read model: its
 * records are never emptied (a rebuild of the other read models leaves it alone, and a replay of
 * its processor adds nothing, since every message is keyed by its event's id). Every change of a
 * message's status is conditional, so that of several senders one alone sends a message.
 */
public interface Outbox {

  /** Stores a new message; answers false (and changes nothing) if its id is stored already. */
  boolean add(OutboxMessage message);

  /** The message with this id. */
  Optional<OutboxMessage> find(String id);

  /**
   * The ids of at most {@code limit} messages that may be claimed at {@code now}: pending ones due,
   * and claimed ones whose lease ended (their sender died), oldest first. A lease has ended once
   * this outbox has seen it unchanged for its length on its own monotonic clock: the end a sender
   * stored comes from its clock, which may be off from this instance's, and is never compared.
   */
  List<String> claimable(Instant now, int limit);

  /**
   * Claims the message for {@code owner} for a lease of {@code leaseUntil} - {@code now} (both of
   * the claimer's clock), if it still may be claimed at {@code now} (a lease taken over only if it
   * is still the one this outbox saw end), counting the attempt: the message as claimed, or empty
   * if another sender has it, it was sent meanwhile, or it was cancelled.
   */
  Optional<OutboxMessage> claim(String id, String owner, Instant now, Instant leaseUntil);

  /** Records the claimed message as sent at {@code at} (and forgets its mail). */
  boolean sent(String id, String owner, Instant at);

  /** Gives the claimed message back, to be tried again from {@code nextAttemptAt}. */
  boolean retry(String id, String owner, Instant nextAttemptAt, String error);

  /** Ends the claimed message without sending it (and forgets its mail). */
  boolean end(String id, String owner, DeliveryStatus status, String error);

  /**
   * Ends every pending message to the citizen without sending it (and forgets their mails): they
   * switched notifications off, or their data was erased. A message claimed already may still go
   * out. Answers how many were ended.
   */
  int endPendingOf(CitizenId recipient, DeliveryStatus status);

  /** The messages to the citizen, oldest first (for tests and the operator). */
  List<OutboxMessage> of(CitizenId recipient);
}
