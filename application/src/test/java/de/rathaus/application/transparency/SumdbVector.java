package de.rathaus.application.transparency;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The published example of the Go sumdb note package (golang.org/x/mod/sumdb/note, note.go and
 * note_test.go): a key, a text and the note that package signs. Ed25519 is deterministic, so a note
 * of ours over the same text with the same key must be byte for byte this one.
 */
final class SumdbVector {

  static final String SIGNER_KEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String VERIFIER_KEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String NAME = "PeterNeumann";
  static final String TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  static final String NOTE =
      TEXT
          + "\n"
          + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  private SumdbVector() {}

  /** The signer key's 32-byte private value, after its type byte 0x01. */
  static byte[] seed() {
    String[] parts = SIGNER_KEY.split("\\+", 5);
    byte[] typed = Base64.getDecoder().decode(parts[4]);
    return Arrays.copyOfRange(typed, 1, typed.length);
  }

  /** The signer key as the PKCS#8 PEM text an operator would configure. */
  static String pkcs8Pem() {
    byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
    byte[] der = Arrays.copyOf(prefix, prefix.length + 32);
    System.arraycopy(seed(), 0, der, prefix.length, 32);
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getEncoder().encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }
}
