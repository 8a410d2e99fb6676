package de.rathaus.api.transparency;

import de.rathaus.application.transparency.LogKey;
import de.rathaus.application.transparency.LogKeySet;
import de.rathaus.application.transparency.LogKeySet.KeyPeriod;
import de.rathaus.application.transparency.VerifierKey;
import de.rathaus.domain.transparency.TransparencyLogId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The log's keys as the settings give them: the signing key from {@value #VALID_FROM}, and the
 * retired keys ({@value #RETIRED}{@code [i].public-key}, {@code .valid-from}, {@code .valid-until})
 * that signed the earlier checkpoints. Settings that would make a checkpoint's key ambiguous or
 * unknowable stop the engine at start (fail closed), each with one sentence naming the setting.
 */
final class LogKeySettings {

  static final String VALID_FROM = "rathaus.transparency.signing-key-valid-from";
  static final String RETIRED = "rathaus.transparency.retired-keys";

  /** Settings of the log's keys that cannot be used: the engine does not start. */
  static final class Invalid extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null);
    }
  }

  private LogKeySettings() {}

  /**
   * The keys: the signing key's public half first, then the retired ones in their settings' order.
   *
   * @throws Invalid if a retired key is missing, unparsable, another log's or the signing key
   *     itself, if a period ends before it begins, or if two periods overlap
   */
  static LogKeySet keySet(TransparencyProperties properties, LogKey key, TransparencyLogId logId) {
    String log = logId.value();
    VerifierKey current = key.verifierKey(log);
    List<KeyPeriod> periods = new ArrayList<>();
    List<String> names = new ArrayList<>();
    periods.add(new KeyPeriod(current, properties.signingKeyValidFrom(), null));
    names.add("the signing key (" + VALID_FROM + ")");
    List<TransparencyProperties.RetiredKey> retired = properties.retiredKeys();
    for (int i = 0; i < retired.size(); i++) {
      String setting = RETIRED + "[" + i + "]";
      TransparencyProperties.RetiredKey entry = retired.get(i);
      if (entry == null || entry.publicKey() == null) {
        throw new Invalid(
            setting
                + ".public-key is missing: give the retired key's public half (PEM, C2SP verifier"
                + " key or the well-known JSON)");
      }
      VerifierKey parsed;
      try {
        parsed = VerifierKey.parse(entry.publicKey());
      } catch (IllegalArgumentException e) {
        throw new Invalid(setting + ".public-key is not an Ed25519 public key: " + e.getMessage());
      }
      if (parsed.name() != null && !parsed.name().equals(log)) {
        throw new Invalid(
            setting + ".public-key is a key of the log " + parsed.name() + ", not of " + log);
      }
      if (Arrays.equals(parsed.raw(), current.raw())) {
        throw new Invalid(
            setting
                + ".public-key is the signing key itself: a key is retired only when another one"
                + " signs");
      }
      if (entry.validUntil() == null) {
        throw new Invalid(
            setting
                + ".valid-until is missing: the instant the key stopped signing, ISO-8601 such as"
                + " 2026-12-01T00:00:00Z");
      }
      if (entry.validFrom() != null && !entry.validUntil().isAfter(entry.validFrom())) {
        throw new Invalid(
            setting
                + ".valid-until ("
                + entry.validUntil()
                + ") is not after its valid-from ("
                + entry.validFrom()
                + ")");
      }
      if (properties.signingKeyValidFrom() == null) {
        throw new Invalid(
            VALID_FROM
                + " is missing: with retired keys, set it to the instant the signing key signs"
                + " from (no earlier than the last retired key's valid-until)");
      }
      periods.add(new KeyPeriod(parsed.named(log), entry.validFrom(), entry.validUntil()));
      names.add(setting);
    }
    for (int i = 0; i < periods.size(); i++) {
      for (int j = i + 1; j < periods.size(); j++) {
        if (Arrays.equals(periods.get(i).key().raw(), periods.get(j).key().raw())) {
          throw new Invalid(names.get(j) + ".public-key is " + names.get(i) + " again");
        }
        if (periods.get(i).overlaps(periods.get(j))) {
          throw new Invalid(
              "The periods of "
                  + names.get(i)
                  + ", "
                  + periods.get(i).describe()
                  + ", and of "
                  + names.get(j)
                  + ", "
                  + periods.get(j).describe()
                  + ", overlap: at any instant one key signs");
        }
      }
    }
    return LogKeySet.of(periods);
  }

  /** Whether the signing key's period has begun at the instant. */
  static boolean signs(TransparencyProperties properties, Instant at) {
    return properties.signingKeyValidFrom() == null
        || !at.isBefore(properties.signingKeyValidFrom());
  }
}
