package de.rathaus.application.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A checkpoint (signed tree head): the city's signed statement that its history, at a moment, was
 * the Merkle tree of {@code treeSize} leaves with root {@code rootHash}. Whoever keeps a checkpoint
 * can later prove that any event it covers was in the history then, and that a history shown later
 * extends it rather than rewriting it.
 *
 * <p>It carries two Ed25519 signatures by the same log key:
 *
 * <ul>
 *   <li>{@code signature}, over {@link #signedMessage()}, which binds the timestamp as well;
 *   <li>{@code note}, the C2SP {@code tlog-checkpoint} body {@code <logId>\n<treeSize>\n<base64
 *       root>\n} as a C2SP signed note with the log id as origin and key name, which existing
 *       transparency-log witnesses and verifiers read (the timestamp is not in it: the
 *       specification advises against extension lines).
 * </ul>
 *
 * @param logId the log's identity, a C2SP key name (a schema-less URL such as {@code
 *     rathaus.example.de/log}); origin of the note and name of the key
 * @param treeSize the number of leaves covered (positions 1 to treeSize)
 * @param rootHash the RFC 9162 root of those leaves (32 bytes)
 * @param timestamp when it was signed, in milliseconds
 * @param signature the Ed25519 signature of {@link #signedMessage()} (64 bytes)
 * @param note the signed note, or null if the checkpoint was read without one
 */
public record Checkpoint(
    String logId,
    long treeSize,
    byte[] rootHash,
    Instant timestamp,
    byte[] signature,
    String note) {

  /** The first line of {@link #signedMessage()}: what it is and in which version. */
  public static final String MESSAGE_HEADER = "rathaus-checkpoint/v1";

  private static final HexFormat HEX = HexFormat.of();

  public Checkpoint {
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(rootHash, "rootHash");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(signature, "signature");
    VerifierKey.checkName(logId);
    if (treeSize < 0) {
      throw new IllegalArgumentException("a tree size is not negative");
    }
    if (rootHash.length != 32) {
      throw new IllegalArgumentException("a root hash has 32 bytes");
    }
    rootHash = rootHash.clone();
    signature = signature.clone();
  }

  /**
   * Signs the tree head with the log key. The timestamp is cut to milliseconds, so that it survives
   * any store and JSON round trip unchanged and the signature stays valid.
   */
  public static Checkpoint sign(
      String logId, long treeSize, byte[] rootHash, Instant timestamp, LogKey key) {
    Instant millis = timestamp.truncatedTo(ChronoUnit.MILLIS);
    Checkpoint unsigned = new Checkpoint(logId, treeSize, rootHash, millis, new byte[0], null);
    byte[] signature = key.sign(unsigned.signedMessage());
    String note = SignedNote.sign(unsigned.noteText(), logId, key);
    return new Checkpoint(logId, treeSize, rootHash, millis, signature, note);
  }

  /**
   * The bytes {@code signature} signs: the UTF-8 of
   *
   * <pre>
   * rathaus-checkpoint/v1\n
   * &lt;logId&gt;\n
   * &lt;treeSize in decimal, no leading zeros&gt;\n
   * &lt;base64 of rootHash, standard alphabet, padded&gt;\n
   * &lt;timestamp, ISO-8601 UTC as Instant.toString writes it, e.g. 2026-12-02T07:20:29.123Z&gt;\n
   * </pre>
   */
  public byte[] signedMessage() {
    return (MESSAGE_HEADER
            + "\n"
            + logId
            + "\n"
            + treeSize
            + "\n"
            + Base64.getEncoder().encodeToString(rootHash)
            + "\n"
            + DateTimeFormatter.ISO_INSTANT.format(timestamp)
            + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The C2SP tlog-checkpoint note text: {@code <logId>\n<treeSize>\n<base64 root>\n}. */
  public String noteText() {
    return logId + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
  }

  /**
   * Whether the checkpoint is the key's: its signature verifies, the key (if it has a name) is the
   * key of this log, and the note, if there is one, verifies and states the same tree head.
   */
  public boolean verify(VerifierKey key) {
    if (key.name() != null && !key.name().equals(logId)) {
      return false;
    }
    if (!key.verify(signedMessage(), signature)) {
      return false;
    }
    return note == null || noteVerifies(key);
  }

  /**
   * Whether the note is signed by the key under this log id and its text is exactly this
   * checkpoint's tree head.
   */
  public boolean noteVerifies(VerifierKey key) {
    if (note == null || (key.name() != null && !key.name().equals(logId))) {
      return false;
    }
    return SignedNote.open(note, key.named(logId)).map(noteText()::equals).orElse(false);
  }

  /** The key id (8 hex digits) of the note's log signature, or null without a note. */
  public String keyId() {
    if (note == null) {
      return null;
    }
    String prefix = "\n\u2014 " + logId + " ";
    int at = note.indexOf(prefix);
    if (at < 0) {
      return null;
    }
    int end = note.indexOf('\n', at + prefix.length());
    try {
      byte[] blob = Base64.getDecoder().decode(note.substring(at + prefix.length(), end));
      return blob.length < 4 ? null : HEX.toHexDigits(ByteBuffer.wrap(blob, 0, 4).getInt());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The JSON form: {@code {"logId","treeSize","rootHash" (base64),"timestamp" (ISO-8601 UTC),
   * "signature" (base64),"keyId" (hex, of the note's signature),"note"}}.
   */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("logId", logId);
    json.put("treeSize", treeSize);
    json.put("rootHash", Base64.getEncoder().encodeToString(rootHash));
    json.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(timestamp));
    json.put("signature", Base64.getEncoder().encodeToString(signature));
    json.put("keyId", keyId());
    json.put("note", note);
    return json;
  }

  /**
   * The checkpoint of its JSON form ({@code keyId} is derived from the note and not read).
   *
   * @throws IllegalArgumentException if a field is missing or malformed
   */
  public static Checkpoint fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a checkpoint is a JSON object");
    }
    try {
      String logId = text(json, "logId");
      JsonNode size = json.get("treeSize");
      if (size == null || !size.canConvertToExactIntegral() || !size.canConvertToLong()) {
        throw new IllegalArgumentException("the checkpoint's treeSize is not a whole number");
      }
      byte[] root = Base64.getDecoder().decode(text(json, "rootHash"));
      Instant timestamp = Instant.parse(text(json, "timestamp"));
      byte[] signature = Base64.getDecoder().decode(text(json, "signature"));
      String note = json.hasNonNull("note") ? json.get("note").asText() : null;
      return new Checkpoint(logId, size.asLong(), root, timestamp, signature, note);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the checkpoint's timestamp is not ISO-8601");
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "the checkpoint JSON is malformed: " + Objects.toString(e.getMessage(), "a field"));
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("the checkpoint's " + field + " is missing");
    }
    return node.asText();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint other
        && logId.equals(other.logId)
        && treeSize == other.treeSize
        && Arrays.equals(rootHash, other.rootHash)
        && timestamp.equals(other.timestamp)
        && Arrays.equals(signature, other.signature)
        && Objects.equals(note, other.note);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        logId, treeSize, Arrays.hashCode(rootHash), timestamp, Arrays.hashCode(signature), note);
  }

  @Override
  public String toString() {
    return "Checkpoint["
        + logId
        + ", "
        + treeSize
        + ", "
        + HEX.formatHex(rootHash)
        + ", "
        + timestamp
        + "]";
  }
}
