package de.rathaus.application.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one or
 * more signature lines {@code — <key name> <base64(4-byte key id || signature)>}. Checkpoints are
 * published in this form so that existing transparency-log tools (the Go sumdb note package,
 * witnesses) read and cosign them. Only Ed25519 signatures (type 0x01) are made and checked here.
 */
public final class SignedNote {

  private static final String DASH = "\u2014 ";

  private SignedNote() {}

  /**
   * The note of the text signed by the key under the given key name.
   *
   * @throws IllegalArgumentException if the text does not end in a newline or holds control
   *     characters, or the name is no key name
   */
  public static String sign(String text, String keyName, LogKey key) {
    checkText(text);
    VerifierKey.checkName(keyName);
    int keyId = key.verifierKey(keyName).keyId(keyName);
    byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
    byte[] blob = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
    return text + "\n" + DASH + keyName + " " + Base64.getEncoder().encodeToString(blob) + "\n";
  }

  /**
   * The text of the note if a signature by the key (its name and key id) is on it and verifies;
   * empty if the note is malformed, carries no signature of the key, or one of the key's signatures
   * fails (then the whole note is refused). Signatures of other keys are ignored, as the
   * specification requires (they may be witnesses' cosignatures).
   */
  public static Optional<String> open(String note, VerifierKey key) {
    if (note == null || key.name() == null || !note.endsWith("\n")) {
      return Optional.empty();
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      return Optional.empty();
    }
    String text = note.substring(0, split + 1);
    try {
      checkText(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int keyId = key.keyId(key.name());
    boolean verified = false;
    String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
    for (String line : lines) {
      if (!line.startsWith(DASH)) {
        return Optional.empty();
      }
      String[] parts = line.substring(DASH.length()).split(" ", -1);
      if (parts.length != 2) {
        return Optional.empty();
      }
      byte[] blob;
      try {
        blob = Base64.getDecoder().decode(parts[1]);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (blob.length < 4) {
        return Optional.empty();
      }
      if (!parts[0].equals(key.name()) || ByteBuffer.wrap(blob, 0, 4).getInt() != keyId) {
        continue; // another key's signature
      }
      if (!key.verify(
          text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(blob, 4, blob.length))) {
        return Optional.empty();
      }
      verified = true;
    }
    return verified ? Optional.of(text) : Optional.empty();
  }

  private static void checkText(String text) {
    if (text == null || !text.endsWith("\n")) {
      throw new IllegalArgumentException("a note's text ends in a newline");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new IllegalArgumentException("a note's text holds no control characters");
      }
    }
  }
}
