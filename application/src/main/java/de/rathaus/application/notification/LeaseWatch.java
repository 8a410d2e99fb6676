package de.rathaus.application.notification;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The leases of other senders on outbox messages as this instance saw them, and since when on its
 * own monotonic clock. A lease has ended for this instance once it has seen it unchanged for the
 * lease's length: the stored end of a lease comes from the owner's wall clock and is never compared
 * with this instance's, so a clock that is off on either instance neither takes a live lease early
 * (a mail sent twice) nor keeps a dead one longer (a mail late).
 */
public final class LeaseWatch {

  /**
   * A lease as stored: which claim it is (the owner and the claim's attempt count, which grows with
   * every claim) and how long it was taken for.
   */
  public record Lease(String owner, int attempt, Duration length) {}

  private record Seen(Lease lease, long sinceNanos) {}

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  public LeaseWatch(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Looks at the lease of message {@code id}: whether it has ended (seen unchanged long enough).
   */
  public boolean ended(String id, Lease lease) {
    long now = nanoTime.getAsLong();
    Seen since =
        seen.compute(
            id,
            (key, old) -> old != null && old.lease().equals(lease) ? old : new Seen(lease, now));
    return now - since.sinceNanos() >= lease.length().toNanos();
  }

  /** The lease of message {@code id} that has ended, as last looked at, if it has. */
  public Optional<Lease> endedLease(String id) {
    Seen since = seen.get(id);
    if (since == null
        || nanoTime.getAsLong() - since.sinceNanos() < since.lease().length().toNanos()) {
      return Optional.empty();
    }
    return Optional.of(since.lease());
  }

  /** Forgets the messages not among {@code claimed} (no longer claimed by anyone). */
  public void keepOnly(Collection<String> claimed) {
    seen.keySet().retainAll(java.util.Set.copyOf(claimed));
  }
}
