package de.rathaus.application.open311;

import de.rathaus.domain.open311.Open311KeyId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form of an Open311 API key and its hash. A key is {@code <id>.<secret>}: the public id (80
 * random bits in hex, the lookup key) and a secret of 256 random bits from {@link SecureRandom} in
 * base64url without padding (43 characters). What is stored is the SHA-256 of the whole key.
 *
 * <p>A plain SHA-256 is enough here, and a slow password hash or a salt would add nothing: those
 * protect low-entropy secrets that people choose against guessing, while this secret is 256 random
 * bits, so finding a key from its hash means a preimage of SHA-256 (2^256 work). Unlike a keyed
 * HMAC it needs no further secret the engine would have to keep and rotate.
 */
public final class Open311KeyHashes {

  private static final int SECRET_BYTES = 32;
  private static final int ID_BYTES = 10;
  private static final Pattern FORM = Pattern.compile("([0-9a-f]{20})\\.([A-Za-z0-9_-]{43})");

  private Open311KeyHashes() {}

  /** A new key: a random id and a random secret. */
  static IssuedKey generate(SecureRandom random) {
    byte[] id = new byte[ID_BYTES];
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(id);
    random.nextBytes(secret);
    Open311KeyId keyId = new Open311KeyId(HexFormat.of().formatHex(id));
    String key =
        keyId.value() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new IssuedKey(keyId, key, hash(key));
  }

  /** A generated key and its hash. */
  record IssuedKey(Open311KeyId id, String key, String hash) {
    @Override
    public String toString() {
      return "IssuedKey[id=" + id.value() + "]";
    }
  }

  /** The id a presented key names, if it has the form of a key at all. */
  static Optional<Open311KeyId> idOf(String presented) {
    if (presented == null || presented.length() != 64) {
      return Optional.empty();
    }
    var matcher = FORM.matcher(presented);
    return matcher.matches() ? Optional.of(new Open311KeyId(matcher.group(1))) : Optional.empty();
  }

  /** The SHA-256 of the key in lowercase hex, as it is recorded. */
  public static String hash(String key) {
    return HexFormat.of().formatHex(digest(key));
  }

  /** Whether the key hashes to the recorded hash, compared in constant time. */
  static boolean matches(String presented, String recordedHash) {
    byte[] recorded;
    try {
      recorded = HexFormat.of().parseHex(recordedHash);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(digest(presented), recorded);
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
