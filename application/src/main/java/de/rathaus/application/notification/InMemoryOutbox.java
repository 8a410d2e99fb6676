package de.rathaus.application.notification;

import de.rathaus.domain.shared.CitizenId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The outbox in memory, for tests: the same conditional changes as the stored one, and leases
 * judged the same way (by how long this outbox saw them unchanged on its monotonic clock).
 */
public class InMemoryOutbox implements Outbox {

  private record Entry(OutboxMessage message, String owner, Duration lease) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final LeaseWatch leases;

  public InMemoryOutbox() {
    this(System::nanoTime);
  }

  /**
   * @param nanoTime the monotonic clock leases are watched on
   */
  public InMemoryOutbox(LongSupplier nanoTime) {
    this.leases = new LeaseWatch(nanoTime);
  }

  @Override
  public synchronized boolean add(OutboxMessage message) {
    return entries.putIfAbsent(message.id(), new Entry(message, null, null)) == null;
  }

  @Override
  public synchronized Optional<OutboxMessage> find(String id) {
    return Optional.ofNullable(entries.get(id)).map(Entry::message);
  }

  @Override
  public synchronized List<String> claimable(Instant now, int limit) {
    leases.keepOnly(
        entries.values().stream()
            .filter(e -> e.message().status() == DeliveryStatus.SENDING)
            .map(e -> e.message().id())
            .toList());
    return entries.values().stream()
        .filter(e -> due(e, now) || (claimed(e) && leases.ended(e.message().id(), lease(e))))
        .map(Entry::message)
        .sorted(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id))
        .limit(limit)
        .map(OutboxMessage::id)
        .toList();
  }

  private static boolean due(Entry entry, Instant now) {
    OutboxMessage m = entry.message();
    return m.status() == DeliveryStatus.PENDING && !m.nextAttemptAt().isAfter(now);
  }

  private static boolean claimed(Entry entry) {
    return entry.message().status() == DeliveryStatus.SENDING;
  }

  private static LeaseWatch.Lease lease(Entry entry) {
    return new LeaseWatch.Lease(entry.owner(), entry.message().attempts(), entry.lease());
  }

  @Override
  public synchronized Optional<OutboxMessage> claim(
      String id, String owner, Instant now, Instant leaseUntil) {
    Entry entry = entries.get(id);
    if (entry == null
        || !(due(entry, now)
            || (claimed(entry)
                && leases.endedLease(id).filter(lease(entry)::equals).isPresent()))) {
      return Optional.empty();
    }
    OutboxMessage m = entry.message();
    OutboxMessage claimed =
        new OutboxMessage(
            m.id(),
            m.recipient(),
            m.kind(),
            m.mail(),
            DeliveryStatus.SENDING,
            m.attempts() + 1,
            m.createdAt(),
            m.nextAttemptAt(),
            m.sentAt(),
            m.lastError());
    entries.put(id, new Entry(claimed, owner, Duration.between(now, leaseUntil)));
    return Optional.of(claimed);
  }

  private boolean change(
      String id, String owner, java.util.function.UnaryOperator<OutboxMessage> f) {
    Entry entry = entries.get(id);
    if (entry == null
        || entry.message().status() != DeliveryStatus.SENDING
        || !owner.equals(entry.owner())) {
      return false;
    }
    entries.put(id, new Entry(f.apply(entry.message()), null, null));
    return true;
  }

  @Override
  public synchronized boolean sent(String id, String owner, Instant at) {
    return change(
        id, owner, m -> with(m, null, DeliveryStatus.SENT, m.nextAttemptAt(), at, m.lastError()));
  }

  @Override
  public synchronized boolean retry(String id, String owner, Instant nextAttemptAt, String error) {
    return change(
        id, owner, m -> with(m, m.mail(), DeliveryStatus.PENDING, nextAttemptAt, null, error));
  }

  @Override
  public synchronized boolean end(String id, String owner, DeliveryStatus status, String error) {
    return change(
        id,
        owner,
        m -> with(m, null, status, m.nextAttemptAt(), null, error == null ? m.lastError() : error));
  }

  @Override
  public synchronized int endPendingOf(CitizenId recipient, DeliveryStatus status) {
    int ended = 0;
    for (Entry entry : List.copyOf(entries.values())) {
      OutboxMessage m = entry.message();
      if (m.recipient().equals(recipient) && m.status() == DeliveryStatus.PENDING) {
        entries.put(
            m.id(),
            new Entry(with(m, null, status, m.nextAttemptAt(), null, m.lastError()), null, null));
        ended++;
      }
    }
    return ended;
  }

  @Override
  public synchronized List<OutboxMessage> of(CitizenId recipient) {
    return entries.values().stream()
        .map(Entry::message)
        .filter(m -> m.recipient().equals(recipient))
        .sorted(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id))
        .toList();
  }

  /** Every message, for tests. */
  public synchronized List<OutboxMessage> all() {
    return entries.values().stream().map(Entry::message).toList();
  }

  private static OutboxMessage with(
      OutboxMessage m,
      Mail mail,
      DeliveryStatus status,
      Instant nextAttemptAt,
      Instant sentAt,
      String error) {
    return new OutboxMessage(
        m.id(),
        m.recipient(),
        m.kind(),
        mail,
        status,
        m.attempts(),
        m.createdAt(),
        nextAttemptAt,
        sentAt,
        error);
  }
}
