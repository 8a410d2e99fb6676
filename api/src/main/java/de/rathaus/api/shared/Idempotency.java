package de.rathaus.api.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.rathaus.application.shared.IdempotencyRecords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Idempotency-Key} of creating POSTs (docs/design.md section 6): the first request with
 * a key runs; the same caller sending the same key with the same body again gets the first answer
 * and nothing is created twice; the same key with another body is refused (422). Keys are scoped
 * per caller (two citizens may use the same key) and kept for a day.
 *
 * <p>The attempt is given a stable id of what it creates, derived from the caller, the key and the
 * record's identity: an attempt that takes over from one that died (the process stopped between
 * storing and answering) or whose outcome was unknown (the store did not confirm) creates the same
 * thing, and finds it if the first one was stored. While an attempt runs, a repeat waits for its
 * answer (bounded; then 409).
 *
 * <p>A running attempt belongs to its instance, which renews its lease every {@link #LEASE} / 3
 * while the attempt runs. A repeat on any instance that has seen the same holder at the same lease
 * counter for {@link #LEASE} on its own monotonic clock takes it over (a conditional write on
 * both): the holder's instance died or lost the store. Stored times are never compared between
 * instances, so a clock that is off neither takes a live attempt over nor keeps a dead one. A live
 * slow attempt renews its lease and is never taken over; an attempt of this instance never is
 * either. Should an owner be cut off from the store for longer than the lease and still commit, the
 * attempt that took over makes the same request (the same stable id), which the store refuses as a
 * duplicate: nothing is created twice.
 *
 * <p>An attempt refused for its input (nothing was stored) gives the key up, so that a corrected
 * retry may use it; any other failure keeps the key for a retry of the same request. Every change
 * of the record is fenced by the attempt's own token, so an attempt that was taken over changes
 * nothing.
 */
public class Idempotency implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);

  public static final String HEADER = "Idempotency-Key";

  /** Whether the operation {@code handler} reads the {@value #HEADER} header. */
  public static boolean takenBy(org.springframework.web.method.HandlerMethod handler) {
    for (var parameter : handler.getMethodParameters()) {
      var header =
          parameter.getParameterAnnotation(
              org.springframework.web.bind.annotation.RequestHeader.class);
      if (header != null && (HEADER.equals(header.value()) || HEADER.equals(header.name()))) {
        return true;
      }
    }
    return false;
  }

  static final Duration KEEP = Duration.ofHours(24);
  private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);
  private final Duration waitForFirst;

  /**
   * How long a holder's lease must be seen unchanged before another attempt takes the key over (the
   * holder renews it three times as often); a retry waits longer than this for the first.
   */
  static final Duration LEASE = Duration.ofSeconds(6);

  /** The first look again at a key held elsewhere; then twice as long, up to the renewal rate. */
  private static final Duration FIRST_LOOK_AGAIN = Duration.ofMillis(50);

  static final int MAX_KEY_LENGTH = 255;

  private final IdempotencyRecords records;
  private final ObjectMapper json;
  private final ObjectMapper canonical;
  private final Clock clock;
  private final Predicate<RuntimeException> nothingStored;
  private final long leaseNanos;
  private final long renewEveryNanos;

  /** This instance, in every attempt token: which instance holds a key is seen in the store. */
  private final String instance =
      "rathaus-"
          + ProcessHandle.current().pid()
          + "-"
          + UUID.randomUUID().toString().substring(0, 8);

  /** An attempt running on this instance under a key (by its hash). */
  private record Running(String token) {}

  private final ConcurrentMap<String, Running> running = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition anAttemptEnded = lock.newCondition();
  private long ended; // attempts of this instance that ended, guarded by lock
  private final ScheduledExecutorService renewer;

  /**
   * @param nothingStored whether a failure of the attempt certainly stored nothing (a refusal of
   *     its input), so that the key may be given up
   */
  public Idempotency(
      IdempotencyRecords records,
      ObjectMapper json,
      Clock clock,
      Predicate<RuntimeException> nothingStored) {
    this(records, json, clock, nothingStored, WAIT_FOR_FIRST, LEASE);
  }

  Idempotency(
      IdempotencyRecords records,
      ObjectMapper json,
      Clock clock,
      Predicate<RuntimeException> nothingStored,
      Duration waitForFirst,
      Duration lease) {
    this.waitForFirst = waitForFirst;
    this.leaseNanos = lease.toNanos();
    this.renewEveryNanos = Math.max(1, leaseNanos / 3);
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "idempotency-leases");
              thread.setDaemon(true);
              return thread;
            });
    renewer.scheduleWithFixedDelay(
        this::renewAll, renewEveryNanos, renewEveryNanos, TimeUnit.NANOSECONDS);
    this.records = records;
    this.json = json;
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    this.clock = clock;
    this.nothingStored = nothingStored;
  }

  /** An answer and whether it is the stored answer of an earlier request with the same key. */
  public record Outcome<T>(T answer, boolean replayed) {}

  /**
   * Runs {@code attempt} once per caller, key and body. The attempt gets the stable id of what it
   * creates (a UUID, the same for every attempt under this key while it lives); without a key it
   * gets a random one and simply runs.
   */
  public <T> Outcome<T> once(
      String caller, String key, Object body, Class<T> answerType, Function<UUID, T> attempt) {
    if (key == null) {
      return new Outcome<>(attempt.apply(UUID.randomUUID()), false);
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !printableAscii(key)) {
      throw new InvalidKey();
    }
    String id = sha256(caller + "\n" + key);
    String fingerprint = sha256(canonicalJson(body));
    String token = instance + "/" + UUID.randomUUID();
    long giveUpAt = System.nanoTime() + waitForFirst.toNanos();
    long lookAgain = FIRST_LOOK_AGAIN.toNanos();
    Seen seen = null;
    long endedBefore = endings();
    Instant now = clock.instant();
    IdempotencyRecords.Claim claim = records.claim(id, fingerprint, token, now, now.minus(KEEP));
    while (true) {
      if (!claim.fingerprint().equals(fingerprint)) {
        throw new KeyReused();
      }
      if (claim.owned()) {
        return run(caller, key, id, token, claim.identity(), attempt);
      }
      if (claim.answer() != null) {
        return new Outcome<>(read(claim.answer(), answerType), true);
      }
      long at = System.nanoTime();
      if (seen == null || !seen.same(claim)) {
        seen = new Seen(claim.holder(), claim.renewals(), at);
      } else if (at - seen.sinceNanos() >= leaseNanos && !runsHere(id, claim.holder())) {
        IdempotencyRecords.Claim taken =
            records.takeOver(
                id, claim.identity(), claim.holder(), claim.renewals(), token, clock.instant());
        if (taken.owned()) {
          return run(caller, key, id, token, taken.identity(), attempt);
        }
      }
      if (at - giveUpAt > 0) {
        throw new KeyInProgress();
      }
      awaitAnEnd(endedBefore, Math.min(giveUpAt - at, lookAgain));
      lookAgain = Math.min(lookAgain * 2, renewEveryNanos);
      endedBefore = endings();
      now = clock.instant();
      claim = records.claim(id, fingerprint, token, now, now.minus(KEEP));
    }
  }

  /** A holder of a key as this instance saw it, and since when on its monotonic clock. */
  private record Seen(String holder, long renewals, long sinceNanos) {
    boolean same(IdempotencyRecords.Claim claim) {
      return java.util.Objects.equals(holder, claim.holder()) && renewals == claim.renewals();
    }
  }

  /** Runs the attempt that holds the key, its lease renewed meanwhile, and records its end. */
  private <T> Outcome<T> run(
      String caller,
      String key,
      String id,
      String token,
      String identity,
      Function<UUID, T> attempt) {
    UUID stable =
        UUID.nameUUIDFromBytes(
            (caller + "\n" + key + "\n" + identity).getBytes(StandardCharsets.UTF_8));
    Running mine = new Running(token);
    running.put(id, mine);
    try {
      T answer;
      try {
        answer = attempt.apply(stable);
      } catch (RuntimeException e) {
        if (nothingStored.test(e)) {
          records.release(id, token);
        } else {
          records.suspend(id, token);
        }
        throw e;
      }
      // if storing the answer fails, the claim stays without one and is taken over later, by
      // an attempt that finds what this one created
      records.complete(id, token, write(answer));
      return new Outcome<>(answer, false);
    } finally {
      running.remove(id, mine);
      lock.lock();
      try {
        ended++;
        anAttemptEnded.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private boolean runsHere(String id, String holder) {
    Running here = running.get(id);
    return here != null && here.token().equals(holder);
  }

  private long endings() {
    lock.lock();
    try {
      return ended;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until an attempt of this instance has ended since {@code endedBefore} attempts had, at
   * most {@code nanos}: an attempt elsewhere tells nothing, so its record is looked at again after
   * that (the store has no change stream).
   */
  private void awaitAnEnd(long endedBefore, long nanos) {
    lock.lock();
    try {
      long left = nanos;
      while (ended == endedBefore && left > 0) {
        left = anAttemptEnded.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeyInProgress();
    } finally {
      lock.unlock();
    }
  }

  /** Renews the lease of every attempt running here. */
  private void renewAll() {
    running.forEach(
        (id, attempt) -> {
          try {
            if (!records.renew(id, attempt.token())) {
              LOG.warn("An attempt under an Idempotency-Key lost its lease to another instance");
            }
          } catch (RuntimeException e) {
            LOG.warn(
                "The lease of an attempt under an Idempotency-Key could not be renewed: {}",
                e.getClass().getSimpleName());
          }
        });
  }

  /** Stops renewing leases (the engine stops; attempts still running are taken over). */
  @Override
  public void close() {
    renewer.shutdownNow();
  }

  private String canonicalJson(Object body) {
    try {
      // through a map, so that the order of fields in the sent body does not matter
      return canonical.writeValueAsString(canonical.convertValue(body, Map.class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("A request body could not be fingerprinted");
    }
  }

  private String write(Object answer) {
    try {
      return json.writeValueAsString(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An answer could not be stored");
    }
  }

  private <T> T read(String answer, Class<T> type) {
    try {
      return json.readValue(answer, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored answer could not be read");
    }
  }

  private static boolean printableAscii(String key) {
    return key.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The header is not a key: empty, longer than 255 characters, or not printable ASCII. */
  public static final class InvalidKey extends RuntimeException {
    InvalidKey() {
      super("The Idempotency-Key must be 1 to 255 printable ASCII characters", null, false, false);
    }
  }

  /** The caller used the key before for another body. */
  public static final class KeyReused extends RuntimeException {
    KeyReused() {
      super("The Idempotency-Key was used for another request body", null, false, false);
    }
  }

  /** The first request with the key has not answered yet. */
  public static final class KeyInProgress extends RuntimeException {
    KeyInProgress() {
      super("The first request with this Idempotency-Key is still running", null, false, false);
    }
  }
}
