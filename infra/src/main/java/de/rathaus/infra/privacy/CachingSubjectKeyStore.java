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
 * <p>A key id found erased (its tombstone exists) is remembered as erased: ids are random and never
 * come back once their key is destroyed. A key found missing without a tombstone is not remembered,
 * so that restoring the key store makes the data readable at once.
 */
public final class CachingSubjectKeyStore implements SubjectKeyStore {

  private static final int MAX_ENTRIES = 100_000;

  private record Cached(SubjectKey key, long expiresAt) {}

  private final SubjectKeyStore store;
  private final long lifetimeNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Cached> keys = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Boolean> erased = new ConcurrentHashMap<>();
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
    if (erased.containsKey(erasedId(subject, kid))) {
      return Optional.empty();
    }
    long erasuresBefore = erasures.get();
    Optional<SubjectKey> found = store.find(subject, kid);
    found.ifPresent(key -> remember(key, erasuresBefore));
    return found;
  }

  @Override
  public boolean erased(String subject, String kid) {
    if (erased.containsKey(erasedId(subject, kid)) || erased.containsKey(erasedId(subject, null))) {
      return true;
    }
    if (!store.erased(subject, kid)) {
      return false;
    }
    rememberErased(subject, kid);
    return true;
  }

  @Override
  public Optional<String> keyId(String subject) {
    SubjectKey cached = cached(subject);
    return cached != null ? Optional.of(cached.kid()) : store.keyId(subject);
  }

  @Override
  public boolean destroy(String subject, String kid) {
    keys.remove(subject);
    boolean destroyed = store.destroy(subject, kid);
    erasures.incrementAndGet();
    keys.remove(subject);
    rememberErased(subject, kid);
    return destroyed;
  }

  @Override
  public boolean isEmpty() {
    return store.isEmpty();
  }

  @Override
  public String location() {
    return store.location();
  }

  private static String erasedId(String subject, String kid) {
    return subject + '\u0000' + (kid == null ? "*" : kid);
  }

  private void rememberErased(String subject, String kid) {
    bound(erased);
    erased.put(erasedId(subject, kid), Boolean.TRUE);
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
