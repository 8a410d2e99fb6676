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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} of creating POSTs (DESIGN.md section 6): the first request with a key
 * runs; the same caller sending the same key with the same body again gets the first answer and
 * nothing is created twice; the same key with another body is refused (422). Keys are scoped per
 * caller (two citizens may use the same key) and kept for a day. While the first request with a key
 * still runs, a repeat waits for its answer (bounded; then 409). A first request that fails gives
 * its key up, so that a corrected retry may use it; one that died without answering (the process
 * stopped) frees its key after two minutes. The attempt must not fail once it created something:
 * that would free the key for a second creation.
 */
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  static final Duration KEEP = Duration.ofHours(24);
  private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);
  private final Duration waitForFirst;

  /** A first attempt that has not answered after this long died (a request takes seconds). */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

  private static final int MAX_KEY_LENGTH = 255;

  private final IdempotencyRecords records;
  private final ObjectMapper json;
  private final ObjectMapper canonical;
  private final Clock clock;

  public Idempotency(IdempotencyRecords records, ObjectMapper json, Clock clock) {
    this(records, json, clock, WAIT_FOR_FIRST);
  }

  Idempotency(IdempotencyRecords records, ObjectMapper json, Clock clock, Duration waitForFirst) {
    this.waitForFirst = waitForFirst;
    this.records = records;
    this.json = json;
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    this.clock = clock;
  }

  /** An answer and whether it is the stored answer of an earlier request with the same key. */
  public record Outcome<T>(T answer, boolean replayed) {}

  /** Runs {@code attempt} once per caller, key and body; without a key it simply runs. */
  public <T> Outcome<T> once(
      String caller, String key, Object body, Class<T> answerType, Supplier<T> attempt) {
    if (key == null) {
      return new Outcome<>(attempt.get(), false);
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !printableAscii(key)) {
      throw new InvalidKey();
    }
    String id = sha256(caller + "\n" + key);
    String fingerprint = sha256(canonicalJson(body));
    long giveUpAt = System.nanoTime() + waitForFirst.toNanos();
    while (true) {
      Instant now = clock.instant();
      Optional<IdempotencyRecords.Entry> earlier =
          records.claim(id, fingerprint, now, now.minus(KEEP), now.minus(ABANDONED_AFTER));
      if (earlier.isEmpty()) {
        T answer;
        try {
          answer = attempt.get();
        } catch (RuntimeException | Error e) {
          records.release(id);
          throw e;
        }
        // if storing the answer fails, the claim stays without one and is freed as abandoned
        records.complete(id, write(answer));
        return new Outcome<>(answer, false);
      }
      IdempotencyRecords.Entry entry = earlier.get();
      if (!entry.fingerprint().equals(fingerprint)) {
        throw new KeyReused();
      }
      if (entry.answer() != null) {
        return new Outcome<>(read(entry.answer(), answerType), true);
      }
      if (System.nanoTime() - giveUpAt > 0) {
        throw new KeyInProgress();
      }
      pause();
    }
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

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeyInProgress();
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
