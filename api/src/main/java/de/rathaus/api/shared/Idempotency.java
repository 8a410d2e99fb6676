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
import java.util.function.Function;
import java.util.function.Predicate;

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
 * answer (bounded; then 409); an attempt that has not answered after two minutes counts as dead. An
 * attempt refused for its input (nothing was stored) gives the key up, so that a corrected retry
 * may use it; any other failure keeps the key for a retry of the same request. Every change of the
 * record is fenced by the attempt's own token, so an attempt that was taken over changes nothing.
 */
public class Idempotency {

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

  /** A first attempt that has not answered after this long died (a request takes seconds). */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

  static final int MAX_KEY_LENGTH = 255;

  private final IdempotencyRecords records;
  private final ObjectMapper json;
  private final ObjectMapper canonical;
  private final Clock clock;
  private final Predicate<RuntimeException> nothingStored;

  /**
   * @param nothingStored whether a failure of the attempt certainly stored nothing (a refusal of
   *     its input), so that the key may be given up
   */
  public Idempotency(
      IdempotencyRecords records,
      ObjectMapper json,
      Clock clock,
      Predicate<RuntimeException> nothingStored) {
    this(records, json, clock, nothingStored, WAIT_FOR_FIRST);
  }

  Idempotency(
      IdempotencyRecords records,
      ObjectMapper json,
      Clock clock,
      Predicate<RuntimeException> nothingStored,
      Duration waitForFirst) {
    this.waitForFirst = waitForFirst;
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
    String token = UUID.randomUUID().toString();
    long giveUpAt = System.nanoTime() + waitForFirst.toNanos();
    while (true) {
      Instant now = clock.instant();
      IdempotencyRecords.Claim claim =
          records.claim(id, fingerprint, token, now, now.minus(KEEP), now.minus(ABANDONED_AFTER));
      if (!claim.fingerprint().equals(fingerprint)) {
        throw new KeyReused();
      }
      if (claim.owned()) {
        UUID stable =
            UUID.nameUUIDFromBytes(
                (caller + "\n" + key + "\n" + claim.identity()).getBytes(StandardCharsets.UTF_8));
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
      }
      if (claim.answer() != null) {
        return new Outcome<>(read(claim.answer(), answerType), true);
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
