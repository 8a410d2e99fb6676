package de.rathaus.infra.privacy;

import de.rathaus.application.privacy.MissingKeys;
import de.rathaus.application.privacy.PersonalDataKeyMissing;
import de.rathaus.application.privacy.PersonalDataUnreadable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256-GCM for single values: a fresh random 96-bit IV per value, a 128-bit tag, and as
 * associated data the format, the subject id, the key id and the value's field path, so that a
 * ciphertext moved to another subject's envelope or to another field does not authenticate.
 *
 * <p>Two forms of envelope ({@link Sealed}): binary (format v3, what is written wherever the output
 * holds binary values, as BSON does) and text (format v2: {@code v2.<kid>.<base64url(iv ||
 * ciphertext || tag)>.<subject>}, written where the output is JSON text, and read wherever it was
 * stored before envelopes became binary).
 */
final class FieldCipher {

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BYTES = 16;
  private static final int TAG_BITS = TAG_BYTES * 8;
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

  /**
   * An encrypted value: whose it is, which key, and {@code iv || ciphertext || tag} in {@code
   * bytes} from {@code offset} on. The field path is not written: it is where the envelope is
   * found.
   *
   * <p>Text (format {@value #TEXT}): {@code v2.<kid>.<data>.<subject>}, key id and data base64url,
   * neither holding a dot, so the subject, last, may hold anything.
   *
   * <p>Binary (format {@value #BINARY}): one byte, {@code 0x03} if the clear text is the value's
   * JSON, {@code 0x04} ({@value #BINARY_STRING}) if the value is a string and the clear text that
   * string's UTF-8 itself (no quotes, no escapes, no parsing when read); the key id's length (one
   * byte) and its ASCII, the subject's length (two bytes, big-endian) and its UTF-8, then {@code iv
   * || ciphertext || tag}. The associated data name the format with that choice ({@code v3} or
   * {@code v3s}), so a changed first byte does not authenticate. Smaller than the text by the
   * base64 (a third of IV, ciphertext and tag), the separators and, for a string, its quotes and
   * escapes; and stored with no nested document around it.
   */
  record Sealed(String format, String subject, String kid, byte[] bytes, int offset) {

    static final String TEXT = "v2";
    static final String BINARY = "v3";
    static final String BINARY_STRING = "v3s";
    private static final byte BINARY_MARK = 3;
    private static final byte BINARY_STRING_MARK = 4;
    private static final String VERSION = TEXT + ".";
    private static final String UNBOUND = "v1.";

    /** The envelope's text; a binary one has none. */
    String text() {
      if (!TEXT.equals(format)) {
        throw new IllegalStateException("A binary envelope has no text");
      }
      return VERSION + kid + '.' + BASE64.encodeToString(bytes) + '.' + subject;
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
      byte[] data;
      try {
        data = UNBASE64.decode(text.substring(kidEnd + 1, dataEnd));
      } catch (IllegalArgumentException e) {
        throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
      }
      return new Sealed(TEXT, text.substring(dataEnd + 1), kid, data, 0);
    }

    /**
     * The sealed value of a binary envelope.
     *
     * @throws PersonalDataUnreadable if the bytes are no binary envelope
     */
    static Sealed of(byte[] bytes) {
      if (bytes.length < 4 || (bytes[0] != BINARY_MARK && bytes[0] != BINARY_STRING_MARK)) {
        throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
      }
      int kidLength = bytes[1] & 0xff;
      int subjectAt = 2 + kidLength + 2;
      if (subjectAt > bytes.length) {
        throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
      }
      int subjectLength = ((bytes[2 + kidLength] & 0xff) << 8) | (bytes[3 + kidLength] & 0xff);
      int dataAt = subjectAt + subjectLength;
      if (subjectLength == 0 || dataAt > bytes.length) {
        throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
      }
      String kid = new String(bytes, 2, kidLength, StandardCharsets.US_ASCII);
      if (!SubjectKey.isKeyId(kid)) {
        throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
      }
      String subject = new String(bytes, subjectAt, subjectLength, StandardCharsets.UTF_8);
      return new Sealed(
          bytes[0] == BINARY_MARK ? BINARY : BINARY_STRING, subject, kid, bytes, dataAt);
    }

    /** Whether it is binary. */
    boolean binary() {
      return !TEXT.equals(format);
    }

    /** Whether its clear text is a string's UTF-8 rather than JSON. */
    boolean string() {
      return BINARY_STRING.equals(format);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(FieldCipher.class);

  private final SubjectKeyStore keys;
  private final MissingKeys missing;
  private final ThreadLocal<PerThread> threads;

  FieldCipher(SubjectKeyStore keys, SecureRandom random, MissingKeys missing) {
    this.keys = keys;
    this.missing = missing;
    this.threads = ThreadLocal.withInitial(() -> new PerThread(random));
  }

  /**
   * What a thread reuses from value to value: its cipher, random IVs drawn from the strong random
   * source 32 at a time (a call to it costs about as much as the encryption of a short value), and
   * the start of the associated data and of the binary envelope for the last subject and key it
   * sealed for (the values of one event share them).
   */
  private static final class PerThread {
    private final SecureRandom random;
    private final Cipher cipher;
    private final byte[] ivs = new byte[32 * IV_BYTES];
    private int next = ivs.length;
    private String format;
    private String subject;
    private String kid;
    private byte[] aadStart;
    private byte[] header;
    private byte[] aad = new byte[256];

    /** The paths met (a few dozen field names), each as its length and UTF-8. */
    private final Map<String, byte[]> paths =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 1024;
          }
        };

    PerThread(SecureRandom random) {
      this.random = random;
      try {
        this.cipher = Cipher.getInstance(TRANSFORMATION);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
      }
    }

    /** Puts the next IV into {@code out} at {@code at}. */
    void nextIvInto(byte[] out, int at) {
      if (next == ivs.length) {
        random.nextBytes(ivs);
        next = 0;
      }
      System.arraycopy(ivs, next, out, at, IV_BYTES);
      next += IV_BYTES;
    }

    /** Makes the start of the associated data and the binary header those of the given key. */
    void use(String format, String subject, String kid) {
      if (format.equals(this.format) && subject.equals(this.subject) && kid.equals(this.kid)) {
        return;
      }
      byte[] f = format.getBytes(StandardCharsets.US_ASCII);
      byte[] s = subject.getBytes(StandardCharsets.UTF_8);
      byte[] k = kid.getBytes(StandardCharsets.US_ASCII);
      aadStart =
          ByteBuffer.allocate(12 + f.length + s.length + k.length)
              .putInt(f.length)
              .put(f)
              .putInt(s.length)
              .put(s)
              .putInt(k.length)
              .put(k)
              .array();
      if (k.length > 255 || s.length > 0xffff) {
        throw new IllegalArgumentException("A subject id of more than 65,535 bytes");
      }
      header =
          ByteBuffer.allocate(4 + k.length + s.length)
              .put(
                  Sealed.BINARY_STRING.equals(format)
                      ? Sealed.BINARY_STRING_MARK
                      : Sealed.BINARY_MARK)
              .put((byte) k.length)
              .put(k)
              .putShort((short) s.length)
              .put(s)
              .array();
      this.format = format;
      this.subject = subject;
      this.kid = kid;
    }

    /** The associated data: format, subject, key id and path, each preceded by its length. */
    void associate(String path) {
      byte[] p = paths.computeIfAbsent(path, FieldCipher::pathBytes);
      int length = aadStart.length + p.length;
      if (aad.length < length) {
        aad = new byte[Math.max(length, 2 * aad.length)];
      }
      System.arraycopy(aadStart, 0, aad, 0, aadStart.length);
      System.arraycopy(p, 0, aad, aadStart.length, p.length);
      cipher.updateAAD(aad, 0, length);
    }
  }

  private static byte[] pathBytes(String path) {
    byte[] p = path.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + p.length).putInt(p.length).put(p).array();
  }

  /**
   * Encrypts the UTF-8 text with the subject's current key (made if they have none), bound to the
   * subject and to the field path (a JSON pointer from the record that names the subject), into an
   * envelope of the given format: {@link Sealed#TEXT}, {@link Sealed#BINARY} (clear text is JSON)
   * or {@link Sealed#BINARY_STRING} (clear text is a string's UTF-8).
   */
  Sealed seal(String subject, String path, byte[] clear, String format) {
    SubjectKey key = keys.currentKey(subject);
    PerThread thread = threads.get();
    boolean binary = !Sealed.TEXT.equals(format);
    thread.use(format, subject, key.kid());
    int at = binary ? thread.header.length : 0;
    byte[] out = new byte[at + IV_BYTES + clear.length + TAG_BYTES];
    if (binary) {
      System.arraycopy(thread.header, 0, out, 0, at);
    }
    thread.nextIvInto(out, at);
    try {
      Cipher cipher = thread.cipher;
      cipher.init(
          Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, out, at, IV_BYTES));
      thread.associate(path);
      cipher.doFinal(clear, 0, clear.length, out, at + IV_BYTES);
      return new Sealed(format, subject, key.kid(), out, at);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A personal value could not be encrypted", e);
    }
  }

  /**
   * The JSON text (UTF-8) of a sealed value found at {@code path}, or empty if its key is destroyed
   * after a recorded erasure.
   *
   * @throws PersonalDataKeyMissing if the key is missing and no erasure of it is recorded (logged
   *     and counted here, once per value that could not be read)
   * @throws PersonalDataUnreadable if the value does not authenticate under its key, subject and
   *     path (altered, or moved from another field) or the envelope is damaged
   */
  Optional<byte[]> open(Sealed sealed, String path) {
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
    byte[] in = sealed.bytes();
    int at = sealed.offset();
    if (in.length - at < IV_BYTES + TAG_BYTES) {
      throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
    }
    try {
      PerThread thread = threads.get();
      thread.use(sealed.format(), sealed.subject(), sealed.kid());
      Cipher cipher = thread.cipher;
      cipher.init(
          Cipher.DECRYPT_MODE, key.get().key(), new GCMParameterSpec(TAG_BITS, in, at, IV_BYTES));
      thread.associate(path);
      return Optional.of(cipher.doFinal(in, at + IV_BYTES, in.length - at - IV_BYTES));
    } catch (AEADBadTagException e) {
      throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A personal value could not be decrypted", e);
    }
  }
}
