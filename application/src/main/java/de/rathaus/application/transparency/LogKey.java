package de.rathaus.application.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The log's signing key: the Ed25519 private key with which the city signs its checkpoints, so that
 * anybody holding the public half can check that a tree head is the one the city published. It
 * comes from the configuration (a PKCS#8 PEM text); in demo mode it is generated into the data
 * directory on the first start. The JDK's own Ed25519 is used, no library.
 */
public final class LogKey {

  /** The setting that carries the key's PEM text; errors name it, never its value. */
  public static final String SETTING = "rathaus.transparency.signing-key";

  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private LogKey(KeyPair pair) {
    this.privateKey = pair.getPrivate();
    this.publicKey = pair.getPublic();
  }

  /** A new random key. */
  public static LogKey generate() {
    try {
      return new LogKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
  }

  /**
   * The key of a PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}).
   *
   * @throws IllegalArgumentException if the text is no Ed25519 private key (the message never
   *     repeats the text)
   */
  public static LogKey fromPem(String pem) {
    if (pem == null) {
      throw new IllegalArgumentException("no PEM text");
    }
    String text = pem.strip();
    if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
      throw new IllegalArgumentException("not a PEM private key (PKCS#8)");
    }
    byte[] der;
    try {
      der =
          Base64.getMimeDecoder()
              .decode(text.substring(BEGIN.length(), text.length() - END.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM body is not base64");
    }
    try {
      PrivateKey key =
          KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
      return fromSeed(((EdECPrivateKey) key).getBytes().orElseThrow());
    } catch (GeneralSecurityException | ClassCastException | java.util.NoSuchElementException e) {
      throw new IllegalArgumentException("not an Ed25519 private key");
    }
  }

  /**
   * The key whose 32-byte private value (RFC 8032 seed) is given. The JDK has no call that derives
   * the public key from a private one, but its key pair generator takes the private value as the
   * first 32 bytes of its random source, so a source that yields exactly the seed derives it.
   */
  static LogKey fromSeed(byte[] seed) {
    if (seed.length != 32) {
      throw new IllegalArgumentException("an Ed25519 private key has 32 bytes");
    }
    byte[] copy = seed.clone();
    SecureRandom exactlyTheSeed =
        new SecureRandom() {
          private static final long serialVersionUID = 1L;

          @Override
          public void nextBytes(byte[] bytes) {
            if (bytes.length != copy.length) {
              throw new IllegalStateException("unexpected request for random bytes");
            }
            System.arraycopy(copy, 0, bytes, 0, bytes.length);
          }
        };
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, exactlyTheSeed);
      KeyPair pair = generator.generateKeyPair();
      byte[] derived = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      if (!Arrays.equals(derived, seed)) {
        throw new IllegalStateException("the JDK did not derive the key from its private value");
      }
      return new LogKey(pair);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
  }

  /**
   * The key the engine signs with: the configured PEM text if there is one; else, in demo mode, the
   * key in {@code demoFile} (generated and written there on the first start); else none, and the
   * engine must not start (fail closed).
   *
   * @throws IllegalStateException if the configured text is no key (naming the setting, never the
   *     text), or if no key is configured outside demo mode
   */
  public static LogKey load(String configuredPem, Path demoFile, boolean demo) {
    if (configuredPem != null && !configuredPem.isBlank()) {
      try {
        return fromPem(configuredPem);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            SETTING + " is not an Ed25519 private key in PKCS#8 PEM form: " + e.getMessage());
      }
    }
    if (!demo) {
      throw new IllegalStateException(
          "No signing key for the log: set "
              + SETTING
              + " to an Ed25519 private key in PKCS#8 PEM form (only demo mode generates one)");
    }
    if (Files.exists(demoFile)) {
      return readFrom(demoFile);
    }
    LogKey key = generate();
    try {
      key.writeTo(demoFile);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof FileAlreadyExistsException) {
        return readFrom(demoFile); // another start wrote it first
      }
      throw e;
    }
    return key;
  }

  /** The key in a PEM file written by {@link #writeTo(Path)} (or by {@code openssl genpkey}). */
  public static LogKey readFrom(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing key file", e);
    }
    try {
      return fromPem(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The signing key file is no key: " + e.getMessage());
    }
  }

  /**
   * Writes the key as PKCS#8 PEM to a new file, readable and writable by its owner only where the
   * file system knows POSIX permissions (the file is created with them, never widened later).
   *
   * @throws UncheckedIOException also if the file exists already (a key is never overwritten)
   */
  public void writeTo(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, pem(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the signing key file", e);
    }
  }

  /** The PKCS#8 PEM text of this key: a secret, for the key file only. */
  String pem() {
    String body =
        Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(privateKey.getEncoded());
    return BEGIN + "\n" + body + "\n" + END + "\n";
  }

  /** The Ed25519 signature (64 bytes) of the message. */
  public byte[] sign(byte[] message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** The public half, as a key to verify with under the given key name (the log id). */
  public VerifierKey verifierKey(String name) {
    return VerifierKey.of(name, publicKey);
  }

  /** The public half. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** Never the key itself. */
  @Override
  public String toString() {
    return "LogKey[Ed25519]";
  }
}
