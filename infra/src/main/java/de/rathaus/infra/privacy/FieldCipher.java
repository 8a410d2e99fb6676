package de.rathaus.infra.privacy;

import de.rathaus.application.privacy.MissingKeys;
import de.rathaus.application.privacy.PersonalDataKeyMissing;
import de.rathaus.application.privacy.PersonalDataUnreadable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256-GCM for single values: a fresh random 96-bit IV per value, a 128-bit tag, and as
 * associated data the format, the subject id, the key id and the value's field path, so that a
 * ciphertext moved to another subject's envelope or to another field does not authenticate. {@code
 * data} is {@code base64url(iv || ciphertext || tag)} without padding.
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
   * text is {@code v2.<kid>.<data>.<subject>}: key id and data are base64url and hold no dot, so
   * the subject, last, may hold anything. The field path is not written: it is where the envelope
   * is found.
   */
  record Sealed(String subject, String kid, String data) {

    static final String FORMAT = "v2";
    private static final String VERSION = FORMAT + ".";
    private static final String UNBOUND = "v1.";

    String text() {
      return VERSION + kid + '.' + data + '.' + subject;
    }

    /**
     * The sealed value of an envelope's text.
     *
     * @throws PersonalDataUnreadable for an envelope of the unbound format v1, and for a text of no
     *     known format
     */
    static Sealed parse(String text) {
      if (text.startsWith(UNBOUND)) {
        throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.OLD_FORMAT);
      }
      if (!text.startsWith(VERSION)) {
        throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
      }
      int kidEnd = text.indexOf('.', VERSION.length());
      int dataEnd = kidEnd < 0 ? -1 : text.indexOf('.', kidEnd + 1);
      if (kidEnd <= VERSION.length() || dataEnd <= kidEnd + 1 || dataEnd == text.length() - 1) {
        throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
      }
      String kid = text.substring(VERSION.length(), kidEnd);
      if (!SubjectKey.isKeyId(kid)) {
        throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
      }
      return new Sealed(text.substring(dataEnd + 1), kid, text.substring(kidEnd + 1, dataEnd));
    }
  }

  private static final Logger log = LoggerFactory.getLogger(FieldCipher.class);

  private final SubjectKeyStore keys;
  private final MissingKeys missing;
  private final ThreadLocal<RandomIvs> ivs;

  FieldCipher(SubjectKeyStore keys, SecureRandom random, MissingKeys missing) {
    this.keys = keys;
    this.missing = missing;
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

  /**
   * Encrypts the UTF-8 text with the subject's current key (made if they have none), bound to the
   * subject and to the field path (a JSON pointer from the record that names the subject).
   */
  Sealed seal(String subject, String path, byte[] clear) {
    SubjectKey key = keys.currentKey(subject);
    byte[] out = new byte[IV_BYTES + clear.length + TAG_BITS / 8];
    ivs.get().nextInto(out);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, out, 0, IV_BYTES));
      cipher.updateAAD(associatedData(subject, key.kid(), path));
      cipher.doFinal(clear, 0, clear.length, out, IV_BYTES);
      return new Sealed(subject, key.kid(), BASE64.encodeToString(out));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A personal value could not be encrypted", e);
    }
  }

  /**
   * The text of a sealed value found at {@code path}, or empty if its key is destroyed after a
   * recorded erasure.
   *
   * @throws PersonalDataKeyMissing if the key is missing and no erasure of it is recorded (logged
   *     and counted here, once per value that could not be read)
   * @throws PersonalDataUnreadable if the value does not authenticate under its key, subject and
   *     path (altered, or moved from another field) or the envelope is damaged
   */
  Optional<String> open(Sealed sealed, String path) {
    Optional<SubjectKey> key = keys.find(sealed.subject(), sealed.kid());
    if (key.isEmpty()) {
      if (keys.erased(sealed.subject(), sealed.kid())) {
        return Optional.empty();
      }
      missing.record();
      log.warn(
          "A personal value ({}) cannot be read: its key {} is missing from {} and no erasure of it"
              + " is recorded. Nothing is shown or written in its place; restore the key store the"
              + " data was written with.",
          path,
          sealed.kid(),
          keys.location());
      throw new PersonalDataKeyMissing(sealed.kid());
    }
    byte[] in;
    try {
      in = UNBASE64.decode(sealed.data());
    } catch (IllegalArgumentException e) {
      throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
    }
    if (in.length < IV_BYTES + TAG_BITS / 8) {
      throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
    }
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(
          Cipher.DECRYPT_MODE, key.get().key(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(associatedData(sealed.subject(), sealed.kid(), path));
      byte[] clear = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return Optional.of(new String(clear, StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A personal value could not be decrypted", e);
    }
  }

  /** Format, subject, key id and path, each preceded by its length: no two inputs give the same. */
  private static byte[] associatedData(String subject, String kid, String path) {
    byte[] f = Sealed.FORMAT.getBytes(StandardCharsets.US_ASCII);
    byte[] s = subject.getBytes(StandardCharsets.UTF_8);
    byte[] k = kid.getBytes(StandardCharsets.UTF_8);
    byte[] p = path.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(16 + f.length + s.length + k.length + p.length)
        .putInt(f.length)
        .put(f)
        .putInt(s.length)
        .put(s)
        .putInt(k.length)
        .put(k)
        .putInt(p.length)
        .put(p)
        .array();
  }
}
