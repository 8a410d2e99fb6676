package de.rathaus.infra.privacy;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A data subject's AES-256 key, known by a short random key id ({@code kid}) that is written next
 * to every value it encrypts. {@link #toString()} never shows the key.
 *
 * @param subject the data subject (citizen id)
 * @param kid the key id, 8 characters of base64url
 * @param key the AES-256 key
 * @param createdAt when the key was made
 */
public record SubjectKey(String subject, String kid, SecretKey key, Instant createdAt) {

  static final int KEY_BYTES = 32;
  private static final int KID_BYTES = 6;

  public SubjectKey {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A new random key for the subject, made at {@code now} (kept to the millisecond). */
  public static SubjectKey generate(String subject, SecureRandom random, Instant now) {
    byte[] material = new byte[KEY_BYTES];
    random.nextBytes(material);
    byte[] kid = new byte[KID_BYTES];
    random.nextBytes(kid);
    return new SubjectKey(
        subject,
        Base64.getUrlEncoder().withoutPadding().encodeToString(kid),
        new SecretKeySpec(material, "AES"),
        now.truncatedTo(ChronoUnit.MILLIS));
  }

  /** Whether the text has the form of a key id (base64url, no dots or slashes). */
  static boolean isKeyId(String text) {
    if (text == null || text.isEmpty() || text.length() > 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean base64url =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!base64url) {
        return false;
      }
    }
    return true;
  }

  /** The key of the given raw bytes (32 bytes). */
  static SecretKey aes(byte[] material) {
    if (material.length != KEY_BYTES) {
      throw new IllegalStateException("A stored subject key has the wrong length");
    }
    return new SecretKeySpec(material, "AES");
  }

  @Override
  public String toString() {
    return "SubjectKey[kid=" + kid + ", createdAt=" + createdAt + "]";
  }
}
