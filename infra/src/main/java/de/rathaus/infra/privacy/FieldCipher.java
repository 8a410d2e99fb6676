package de.rathaus.infra.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for single values: a fresh random 96-bit IV per value, a 128-bit tag, and the subject
 * id and key id as associated data, so that a ciphertext cannot be moved to another subject's
 * envelope. {@code data} is {@code base64url(iv || ciphertext || tag)} without padding.
 */
final class FieldCipher {

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();
  private static final ThreadLocal<Cipher> CIPHERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance(TRANSFORMATION);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
            }
          });

  /**
   * An encrypted value: whose it is, which key, and {@code base64url(iv || ciphertext || tag)}. Its
   * text is {@code v1.<kid>.<data>.<subject>}: key id and data are base64url and hold no dot, so
   * the subject, last, may hold anything.
   */
  record Sealed(String subject, String kid, String data) {

    private static final String VERSION = "v1.";

    String text() {
      return VERSION + kid + '.' + data + '.' + subject;
    }

    /** The sealed value of an envelope's text, or empty if the text is not of this format. */
    static Optional<Sealed> parse(String text) {
      if (!text.startsWith(VERSION)) {
        return Optional.empty();
      }
      int kidEnd = text.indexOf('.', VERSION.length());
      int dataEnd = kidEnd < 0 ? -1 : text.indexOf('.', kidEnd + 1);
      if (kidEnd <= VERSION.length() || dataEnd <= kidEnd + 1 || dataEnd == text.length() - 1) {
        return Optional.empty();
      }
      return Optional.of(
          new Sealed(
              text.substring(dataEnd + 1),
              text.substring(VERSION.length(), kidEnd),
              text.substring(kidEnd + 1, dataEnd)));
    }
  }

  private final SubjectKeyStore keys;
  private final ThreadLocal<RandomIvs> ivs;

  FieldCipher(SubjectKeyStore keys, SecureRandom random) {
    this.keys = keys;
    this.ivs = ThreadLocal.withInitial(() -> new RandomIvs(random));
  }

  /**
   * Random IVs drawn from the strong random source 32 at a time: a call to it costs about as much
   * as the encryption of a short value.
   */
  private static final class RandomIvs {
    private final SecureRandom random;
    private final byte[] buffer = new byte[32 * IV_BYTES];
    private int next = buffer.length;

    RandomIvs(SecureRandom random) {
      this.random = random;
    }

    /** Puts the next IV at the start of {@code out}. */
    void nextInto(byte[] out) {
      if (next == buffer.length) {
        random.nextBytes(buffer);
        next = 0;
      }
      System.arraycopy(buffer, next, out, 0, IV_BYTES);
      next += IV_BYTES;
    }
  }

  /** Encrypts the UTF-8 text with the subject's current key (made if they have none). */
  Sealed seal(String subject, byte[] clear) {
    SubjectKey key = keys.currentKey(subject);
    byte[] out = new byte[IV_BYTES + clear.length + TAG_BITS / 8];
    ivs.get().nextInto(out);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, out, 0, IV_BYTES));
      cipher.updateAAD(associatedData(subject, key.kid()));
      cipher.doFinal(clear, 0, clear.length, out, IV_BYTES);
      return new Sealed(subject, key.kid(), BASE64.encodeToString(out));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A personal value could not be encrypted", e);
    }
  }

  /**
   * The text of a sealed value, or empty if it cannot be read any more: the key is destroyed, or a
   * key of the same id does not authenticate it, or the envelope is damaged.
   */
  Optional<String> open(Sealed sealed) {
    Optional<SubjectKey> key = keys.find(sealed.subject(), sealed.kid());
    if (key.isEmpty()) {
      return Optional.empty();
    }
    byte[] in;
    try {
      in = UNBASE64.decode(sealed.data());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (in.length < IV_BYTES + TAG_BITS / 8) {
      return Optional.empty();
    }
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(
          Cipher.DECRYPT_MODE, key.get().key(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(associatedData(sealed.subject(), sealed.kid()));
      byte[] clear = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return Optional.of(new String(clear, StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A personal value could not be decrypted", e);
    }
  }

  private static byte[] associatedData(String subject, String kid) {
    byte[] s = subject.getBytes(StandardCharsets.UTF_8);
    byte[] k = kid.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(s.length + 1 + k.length).put(s).put((byte) 0).put(k).array();
  }
}
