package de.rathaus.application.transparency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A public key to check the log's signatures with: what a citizen, a journalist or a witness holds
 * to convince themselves that a checkpoint is the city's. It is an Ed25519 public key (its raw 32
 * bytes) with the key name it is known under (the log id), and it is read from any of the forms the
 * engine publishes:
 *
 * <ul>
 *   <li>a PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo, as {@code openssl pkey -pubout}
 *       writes it), which carries no name;
 *   <li>a C2SP signed-note verifier key {@code <name>+<hex key id>+<base64(0x01 || key)>}, as the
 *       Go sumdb tools and transparency-log witnesses read it;
 *   <li>the JSON of the well-known address, {@link #toJson()}.
 * </ul>
 */
public final class VerifierKey {

  /** The signature type byte of Ed25519 in C2SP signed notes. */
  static final byte ED25519_TYPE = 0x01;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";

  /** DER of an X.509 SubjectPublicKeyInfo of Ed25519 (RFC 8410) before the 32 key bytes. */
  private static final byte[] SPKI_PREFIX = HEX.parseHex("302a300506032b6570032100");

  private final String name;
  private final byte[] raw;

  private VerifierKey(String name, byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
    }
    if (name != null) {
      checkName(name);
    }
    this.name = name;
    this.raw = raw.clone();
  }

  /** The key of the raw 32 bytes, under a name (null if unknown, as for a PEM file). */
  public static VerifierKey of(String name, byte[] raw) {
    return new VerifierKey(name, raw);
  }

  static VerifierKey of(String name, PublicKey key) {
    byte[] der = key.getEncoded();
    if (der.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key");
    }
    return new VerifierKey(name, Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
  }

  /**
   * The key in any of the three published forms (see the class description), told apart by how the
   * text begins.
   *
   * @throws IllegalArgumentException if the text is none of them or inconsistent in itself
   */
  public static VerifierKey parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no key text");
    }
    String stripped = text.strip();
    if (stripped.startsWith("-----BEGIN")) {
      return fromPem(null, stripped);
    }
    if (stripped.startsWith("{")) {
      try {
        return fromJson(JSON.readTree(stripped));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("the key JSON is not JSON");
      }
    }
    return fromVerifierKeyString(stripped);
  }

  /** The key of a PEM {@code PUBLIC KEY}, under the given name (null if unknown). */
  public static VerifierKey fromPem(String name, String pem) {
    String text = pem.strip();
    if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
      throw new IllegalArgumentException("not a PEM public key");
    }
    byte[] der;
    try {
      der =
          Base64.getMimeDecoder()
              .decode(text.substring(BEGIN.length(), text.length() - END.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM body is not base64");
    }
    if (der.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalArgumentException("the PEM key is not an Ed25519 public key");
    }
    return new VerifierKey(name, Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
  }

  /**
   * The key of a C2SP verifier key string {@code <name>+<hex key id>+<base64(0x01 || key)>}; the
   * key id must be the one the name and key give.
   */
  public static VerifierKey fromVerifierKeyString(String text) {
    String[] parts = text.split("\\+", 3); // the base64 part may itself contain '+'
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].length() != 8) {
      throw new IllegalArgumentException("not a verifier key <name>+<key id>+<key>");
    }
    byte[] typed;
    int id;
    try {
      typed = Base64.getDecoder().decode(parts[2]);
      id = (int) Long.parseLong(parts[1], 16);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the verifier key's id or key is malformed");
    }
    if (typed.length != 33 || typed[0] != ED25519_TYPE) {
      throw new IllegalArgumentException("the verifier key is not an Ed25519 key");
    }
    VerifierKey key = new VerifierKey(parts[0], Arrays.copyOfRange(typed, 1, 33));
    if (key.keyId(parts[0]) != id) {
      throw new IllegalArgumentException("the verifier key's id does not match its name and key");
    }
    return key;
  }

  /**
   * The key of the well-known address's JSON (see {@link #toJson()}); every form of the key given
   * in it must be the same key.
   */
  public static VerifierKey fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("the key JSON is not an object");
    }
    if (json.hasNonNull("algorithm") && !"Ed25519".equals(json.get("algorithm").asText())) {
      throw new IllegalArgumentException("the key is not an Ed25519 key");
    }
    String logId = json.hasNonNull("logId") ? json.get("logId").asText() : null;
    VerifierKey key = null;
    if (json.hasNonNull("publicKey")) {
      try {
        key = new VerifierKey(logId, Base64.getDecoder().decode(json.get("publicKey").asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the key JSON's publicKey is not a base64 Ed25519 key");
      }
    }
    for (VerifierKey other : alternatives(json, logId)) {
      if (key == null) {
        key = other;
      } else if (!key.sameKey(other)) {
        throw new IllegalArgumentException("the key JSON names different keys");
      }
    }
    if (key == null) {
      throw new IllegalArgumentException("the key JSON has no key");
    }
    return key;
  }

  private static java.util.List<VerifierKey> alternatives(JsonNode json, String logId) {
    java.util.List<VerifierKey> keys = new java.util.ArrayList<>();
    if (json.hasNonNull("pem")) {
      keys.add(fromPem(logId, json.get("pem").asText()));
    }
    if (json.hasNonNull("verifierKey")) {
      VerifierKey key = fromVerifierKeyString(json.get("verifierKey").asText());
      if (logId != null && !logId.equals(key.name)) {
        throw new IllegalArgumentException("the key JSON's verifier key has another name");
      }
      keys.add(key);
    }
    return keys;
  }

  private boolean sameKey(VerifierKey other) {
    return Arrays.equals(raw, other.raw) && Objects.equals(name, other.name);
  }

  /** This key under another name (a PEM key takes the log id of what it checks). */
  public VerifierKey named(String newName) {
    return new VerifierKey(newName, raw);
  }

  /** The name the key is known under, or null (a PEM key). */
  public String name() {
    return name;
  }

  /** The raw 32 bytes (RFC 8032). */
  public byte[] raw() {
    return raw.clone();
  }

  /**
   * The C2SP key id of this key under the given name: the first 4 bytes, big-endian, of
   * SHA-256(name || 0x0A || 0x01 || key).
   */
  public int keyId(String keyName) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(keyName.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0x0A);
      sha256.update(ED25519_TYPE);
      sha256.update(raw);
      byte[] hash = sha256.digest();
      return ((hash[0] & 0xff) << 24)
          | ((hash[1] & 0xff) << 16)
          | ((hash[2] & 0xff) << 8)
          | (hash[3] & 0xff);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The key id under this key's own name, as 8 hex digits. */
  public String keyIdHex() {
    return HEX.toHexDigits(keyId(requireName()));
  }

  /** The C2SP verifier key string {@code <name>+<hex key id>+<base64(0x01 || key)>}. */
  public String verifierKeyString() {
    byte[] typed = new byte[33];
    typed[0] = ED25519_TYPE;
    System.arraycopy(raw, 0, typed, 1, 32);
    return requireName() + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
  }

  /** The PEM {@code PUBLIC KEY} text (X.509 SubjectPublicKeyInfo). */
  public String pem() {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(spki());
    return BEGIN + "\n" + body + "\n" + END + "\n";
  }

  /**
   * What the engine publishes at the well-known address: {@code {"logId","algorithm":"Ed25519",
   * "publicKey" (base64 of the 32 raw bytes),"pem","verifierKey"}}.
   */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("logId", requireName());
    json.put("algorithm", "Ed25519");
    json.put("publicKey", Base64.getEncoder().encodeToString(raw));
    json.put("pem", pem());
    json.put("verifierKey", verifierKeyString());
    return json;
  }

  /** Whether the signature is this key's Ed25519 signature of the message. */
  public boolean verify(byte[] message, byte[] signature) {
    if (message == null || signature == null || signature.length != 64) {
      return false;
    }
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki()));
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (java.security.SignatureException | java.security.InvalidKeyException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
  }

  private byte[] spki() {
    byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
    System.arraycopy(raw, 0, der, SPKI_PREFIX.length, 32);
    return der;
  }

  private String requireName() {
    if (name == null) {
      throw new IllegalStateException("the key has no name: give it the log id first");
    }
    return name;
  }

  /**
   * A C2SP key name is non-empty and holds no spaces, no '+' and no control characters (it stands
   * in a signature line and in a verifier key string).
   */
  static void checkName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a key name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '+'
          || c < 0x20
          || c == 0x7f
          || Character.isWhitespace(c)
          || Character.isSpaceChar(c)) {
        throw new IllegalArgumentException("a key name holds no spaces, '+' or control characters");
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifierKey other && sameKey(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(raw));
  }

  @Override
  public String toString() {
    return "VerifierKey[" + (name == null ? "(no name)" : verifierKeyString()) + "]";
  }
}
