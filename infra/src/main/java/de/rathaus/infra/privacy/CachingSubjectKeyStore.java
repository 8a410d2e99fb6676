package de.rathaus.infra.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Keeps keys of a {@link SubjectKeyStore} in memory for a bounded time, so that writing and reading
 * personal data costs no file or database access per value. An erasure through this store evicts
 * the key at once; an erasure through another instance is seen here when the cached key expires (60
 * s by default). Until then this instance may still read the subject's data, and what it writes
 * with the old key is unreadable after expiry like everything else of theirs.
 *
 * <p>A key id found missing is remembered as missing too: ids are random and never come back once
 * their key is destroyed.
 */
public final class CachingSubjectKeyStore implements SubjectKeyStore {

  private static final int MAX_ENTRIES = 100_000;

  private record Cached(SubjectKey key, long expiresAt) {}

  private final SubjectKeyStore store;
  private final long lifetimeNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Cached> keys = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> missing = new ConcurrentHashMap<>();
  private final AtomicLong erasures = new AtomicLong();

  public CachingSubjectKeyStore(SubjectKeyStore store, Duration lifetime) {
    this(store, lifetime, System::nanoTime);
  }

  CachingSubjectKeyStore(SubjectKeyStore store, Duration lifetime, LongSupplier nanoTime) {
    this.store = store;
    this.lifetimeNanos = lifetime.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public SubjectKey currentKey(String subject) {
    SubjectKey cached = cached(subject);
    if (cached != null) {
      return cached;
    }
    long erasuresBefore = erasures.get();
    SubjectKey key = store.currentKey(subject);
    remember(key, erasuresBefore);
    return key;
  }

  @Override
  public Optional<SubjectKey> find(String subject, String kid) {
    SubjectKey cached = cached(subject);
    if (cached != null && cached.kid().equals(kid)) {
      return Optional.of(cached);
    }
    String missingId = subject + '\u0000' + kid;
    long now = nanoTime.getAsLong();
    Long missingUntil = missing.get(missingId);
    if (missingUntil != null && missingUntil - now > 0) {
      return Optional.empty();
    }
    long erasuresBefore = erasures.get();
    Optional<SubjectKey> found = store.find(subject, kid);
    if (found.isPresent()) {
      remember(found.get(), erasuresBefore);
    } else {
      bound(missing);
      missing.put(missingId, now + lifetimeNanos);
    }
    return found;
  }

  @Override
  public boolean destroy(String subject) {
    keys.remove(subject);
    boolean existed = store.destroy(subject);
    erasures.incrementAndGet();
    keys.remove(subject);
    return existed;
  }

  @Override
  public boolean exists(String subject) {
    return store.exists(subject);
  }

  @Override
  public Optional<Instant> createdAt(String subject) {
    return store.createdAt(subject);
  }

  private SubjectKey cached(String subject) {
    Cached cached = keys.get(subject);
    if (cached == null) {
      return null;
    }
    if (cached.expiresAt() - nanoTime.getAsLong() <= 0) {
      keys.remove(subject, cached);
      return null;
    }
    return cached.key();
  }

  private void remember(SubjectKey key, long erasuresBefore) {
    bound(keys);
    keys.put(key.subject(), new Cached(key, nanoTime.getAsLong() + lifetimeNanos));
    // a key read before a concurrent erasure must not outlive it in the cache
    if (erasures.get() != erasuresBefore) {
      keys.remove(key.subject());
    }
  }

  private static void bound(ConcurrentHashMap<String, ?> map) {
    if (map.size() >= MAX_ENTRIES) {
      map.clear();
    }
  }
}
