package de.rathaus.application.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 9162 section 2.1.1: SHA-256 with a domain-separating first byte, so that a leaf
 * can never be passed off as an inner node or the other way round.
 */
public final class TreeHashes {

  /** Bytes of a SHA-256 hash. */
  public static final int SIZE = 32;

  private static final byte LEAF = 0x00;
  private static final byte NODE = 0x01;

  private TreeHashes() {}

  /** SHA-256(0x00 ‖ leaf). */
  public static byte[] leafHash(byte[] leaf) {
    MessageDigest sha = sha256();
    sha.update(LEAF);
    sha.update(leaf);
    return sha.digest();
  }

  /** SHA-256(0x01 ‖ left ‖ right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update(NODE);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  /** The root of the empty tree: SHA-256 of nothing. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
