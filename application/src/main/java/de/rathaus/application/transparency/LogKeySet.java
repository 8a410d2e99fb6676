package de.rathaus.application.transparency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The log's keys over time: the key that signs now and the retired keys that signed before it, each
 * with the period in which it signed. When the city rotates its signing key, the checkpoints signed
 * earlier stay valid because the key that signed them is still known, for the time it signed. A
 * checkpoint is checked with the key its signature names (the key id of its note) and only if its
 * timestamp lies in that key's period: a retired key that leaked cannot sign a checkpoint later,
 * and a key id that is none of these keys is refused.
 *
 * <p>The periods of one set never overlap and a key is in it once, so at any instant at most one
 * key signs. The first key is the current one.
 */
public final class LogKeySet {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One key and when it signed.
   *
   * @param key the public key (under the log id; a PEM key has no name and takes the checkpoint's)
   * @param validFrom the first instant it signs at; null: since the log began
   * @param validUntil the instant it stopped signing at (excluded); null: it still signs
   */
  public record KeyPeriod(VerifierKey key, Instant validFrom, Instant validUntil) {

    public KeyPeriod {
      Objects.requireNonNull(key, "key");
      if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
        throw new IllegalArgumentException(
            "the key's valid-until " + validUntil + " is not after its valid-from " + validFrom);
      }
    }

    /** A key for all time, as a bare key file gives it. */
    public static KeyPeriod always(VerifierKey key) {
      return new KeyPeriod(key, null, null);
    }

    /** Whether the key signs at the instant. */
    public boolean covers(Instant at) {
      return (validFrom == null || !at.isBefore(validFrom))
          && (validUntil == null || at.isBefore(validUntil));
    }

    /** Whether the two periods share an instant. */
    public boolean overlaps(KeyPeriod other) {
      boolean thisEndsFirst =
          validUntil != null && other.validFrom != null && !validUntil.isAfter(other.validFrom);
      boolean otherEndsFirst =
          other.validUntil != null && validFrom != null && !other.validUntil.isAfter(validFrom);
      return !thisEndsFirst && !otherEndsFirst;
    }

    /** The key id (8 hex digits) of the key's signatures in the log of this id. */
    public String keyId(String logId) {
      return key.named(logId).keyIdHex();
    }

    /** The period in words: "from X until Y", "since the log began", "from X on". */
    public String describe() {
      String from = validFrom == null ? "since the log began" : "from " + validFrom;
      return validUntil == null ? from + " on" : from + " until " + validUntil;
    }

    private boolean servesLog(String logId) {
      return key.name() == null || key.name().equals(logId);
    }
  }

  /**
   * The outcome of checking a checkpoint's signature.
   *
   * @param valid whether a key of the set signed it within its period
   * @param reason what was found, for people
   */
  public record Verdict(boolean valid, String reason) {}

  private final List<KeyPeriod> periods;

  private LogKeySet(List<KeyPeriod> periods) {
    this.periods = List.copyOf(periods);
  }

  /**
   * The keys, the current one first.
   *
   * @throws IllegalArgumentException if there is none, a key is listed twice, or two periods
   *     overlap (the message names the two by their place in the list, 0 the first)
   */
  public static LogKeySet of(List<KeyPeriod> periods) {
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("a log has at least one key");
    }
    for (int i = 0; i < periods.size(); i++) {
      for (int j = i + 1; j < periods.size(); j++) {
        KeyPeriod first = periods.get(i);
        KeyPeriod second = periods.get(j);
        if (java.util.Arrays.equals(first.key().raw(), second.key().raw())) {
          throw new IllegalArgumentException("key " + j + " is key " + i + " again");
        }
        if (first.overlaps(second)) {
          throw new IllegalArgumentException(
              "the periods of key "
                  + i
                  + " ("
                  + first.describe()
                  + ") and key "
                  + j
                  + " ("
                  + second.describe()
                  + ") overlap");
        }
      }
    }
    return new LogKeySet(periods);
  }

  /** One key for all time: the log as it was before keys were rotated, or a bare key file. */
  public static LogKeySet single(VerifierKey key) {
    return new LogKeySet(List.of(KeyPeriod.always(key)));
  }

  /**
   * The keys of several sources (the auditor's key files), each trusted for its own periods: a
   * checkpoint is valid if any of them verifies it. Their periods are not checked against each
   * other (two bare key files both claim all time).
   */
  public static LogKeySet anyOf(List<LogKeySet> sets) {
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("no keys");
    }
    List<KeyPeriod> all = new ArrayList<>();
    sets.forEach(set -> all.addAll(set.periods));
    return new LogKeySet(all);
  }

  /** The keys, the current one first. */
  public List<KeyPeriod> periods() {
    return periods;
  }

  /** The key that signs now (the first). */
  public KeyPeriod current() {
    return periods.get(0);
  }

  /** Whether a key of the set signed the checkpoint within its period (see {@link #check}). */
  public boolean verifies(Checkpoint checkpoint) {
    return check(checkpoint).valid();
  }

  /**
   * Checks the checkpoint: the key its note's signature names (by key id, under the checkpoint's
   * log id) must be one of the set, its timestamp must lie in that key's period, and the checkpoint
   * must verify with that key ({@link Checkpoint#verify}). A checkpoint without a note names no
   * key: the key whose period holds its timestamp is taken.
   */
  public Verdict check(Checkpoint checkpoint) {
    String keyId = checkpoint.keyId();
    String logId = checkpoint.logId();
    List<KeyPeriod> named = new ArrayList<>();
    for (KeyPeriod period : periods) {
      if (period.servesLog(logId) && (keyId == null || period.keyId(logId).equals(keyId))) {
        named.add(period);
      }
    }
    String which = keyId == null ? "no key id (it has no note)" : "key " + keyId;
    if (named.isEmpty()) {
      return new Verdict(
          false,
          "the checkpoint is signed by "
              + which
              + ", which is none of the log's keys"
              + (keyId == null ? "" : " for " + logId));
    }
    List<KeyPeriod> inPeriod =
        named.stream().filter(p -> p.covers(checkpoint.timestamp())).toList();
    if (inPeriod.isEmpty()) {
      return new Verdict(
          false,
          "the checkpoint of "
              + checkpoint.timestamp()
              + " is signed by "
              + which
              + " outside its period ("
              + String.join("; ", named.stream().map(KeyPeriod::describe).toList())
              + ")");
    }
    for (KeyPeriod period : inPeriod) {
      if (checkpoint.verify(period.key())) {
        return new Verdict(
            true,
            "signed by key "
                + period.keyId(logId)
                + " within its period ("
                + period.describe()
                + ")");
      }
    }
    return new Verdict(false, "the checkpoint's signature does not verify with " + which);
  }

  /**
   * What the engine publishes at the well-known address: the current key's fields as {@link
   * VerifierKey#toJson()} writes them (so a reader of one key reads the current one), and {@code
   * "keys"}: every key with its {@code "keyId"}, {@code "validFrom"} and {@code "validUntil"} (ISO
   * 8601, null if open), the current one first. Every key must have the log id as its name.
   */
  public ObjectNode toJson() {
    ObjectNode json = current().key().toJson();
    ArrayNode keys = json.putArray("keys");
    for (KeyPeriod period : periods) {
      ObjectNode key = period.key().toJson();
      key.put("keyId", period.key().keyIdHex());
      key.put("validFrom", period.validFrom() == null ? null : period.validFrom().toString());
      key.put("validUntil", period.validUntil() == null ? null : period.validUntil().toString());
      keys.add(key);
    }
    return json;
  }

  /**
   * The keys of the well-known address's JSON ({@link #toJson()}); a JSON without {@code "keys"}
   * (an engine before key rotation) is its one key for all time.
   *
   * @throws IllegalArgumentException if a key or period is malformed, the periods overlap, or the
   *     top-level key is none of the listed ones
   */
  public static LogKeySet fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("the key JSON is not an object");
    }
    JsonNode keys = json.get("keys");
    if (keys == null || keys.isNull()) {
      return single(VerifierKey.fromJson(json));
    }
    if (!keys.isArray() || keys.isEmpty()) {
      throw new IllegalArgumentException("the key JSON's keys are no list of keys");
    }
    List<KeyPeriod> periods = new ArrayList<>();
    for (JsonNode entry : keys) {
      VerifierKey key = VerifierKey.fromJson(entry);
      periods.add(new KeyPeriod(key, instant(entry, "validFrom"), instant(entry, "validUntil")));
    }
    if (json.hasNonNull("publicKey") || json.hasNonNull("pem") || json.hasNonNull("verifierKey")) {
      VerifierKey top = VerifierKey.fromJson(json);
      if (periods.stream().noneMatch(p -> p.key().equals(top))) {
        throw new IllegalArgumentException("the key JSON's own key is none of its keys");
      }
    }
    return of(periods);
  }

  /**
   * The keys of a key file: the JSON of the well-known address (every key with its period), or one
   * key in any form {@link VerifierKey#parse} reads, for all time.
   */
  public static LogKeySet parse(String text) {
    if (text != null && text.strip().startsWith("{")) {
      try {
        return fromJson(JSON.readTree(text));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("the key JSON is not JSON");
      }
    }
    return single(VerifierKey.parse(text));
  }

  private static Instant instant(JsonNode entry, String field) {
    JsonNode node = entry.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the key's " + field + " is not an ISO-8601 instant");
    }
  }

  @Override
  public String toString() {
    return "LogKeySet" + periods;
  }
}
