package de.rathaus.application.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hash, inclusion proofs and consistency proofs of RFC 9162 (sections 2.1.1 to
 * 2.1.4), computed from the hashes of the tree's perfect subtrees, which is what a log stores: a
 * root or a proof of a tree of n leaves then needs O(log² n) of them, not the n leaves. The
 * verifications need nothing but the proof, the sizes and the roots.
 */
public final class MerkleTree {

  /**
   * The stored hashes of the perfect subtrees: {@code perfect(h, i)} is the hash of the 2^h leaves
   * from {@code i · 2^h} on (for {@code h = 0} the leaf hash of leaf {@code i}).
   */
  @FunctionalInterface
  public interface Subtrees {
    byte[] perfect(int height, long index);
  }

  private MerkleTree() {}

  /** MTH(D[0:size]): the root of the first {@code size} leaves. */
  public static byte[] root(long size, Subtrees subtrees) {
    if (size < 0) {
      throw new IllegalArgumentException("A tree size is never negative");
    }
    return size == 0 ? TreeHashes.emptyRoot() : hash(0, size, subtrees);
  }

  /** PATH(m, D[0:size]): the audit path of leaf {@code leafIndex} in the tree of {@code size}. */
  public static List<byte[]> inclusionProof(long leafIndex, long size, Subtrees subtrees) {
    if (leafIndex < 0 || leafIndex >= size) {
      throw new IllegalArgumentException("The leaf index must be below the tree size");
    }
    List<byte[]> proof = new ArrayList<>();
    path(leafIndex, 0, size, subtrees, proof);
    return proof;
  }

  /** PROOF(from, D[0:to]): proves that the tree of {@code to} extends the tree of {@code from}. */
  public static List<byte[]> consistencyProof(long from, long to, Subtrees subtrees) {
    if (from < 1 || from > to) {
      throw new IllegalArgumentException("The sizes must satisfy 1 <= from <= to");
    }
    List<byte[]> proof = new ArrayList<>();
    subproof(from, 0, to, true, subtrees, proof);
    return proof;
  }

  /** The hash of the leaves {@code [start, end)}, where {@code start} is a subtree's start. */
  static byte[] hash(long start, long end, Subtrees subtrees) {
    long n = end - start;
    if (Long.bitCount(n) == 1 && start % n == 0) {
      int height = Long.numberOfTrailingZeros(n);
      return subtrees.perfect(height, start >> height);
    }
    long k = Long.highestOneBit(n - 1);
    return TreeHashes.nodeHash(hash(start, start + k, subtrees), hash(start + k, end, subtrees));
  }

  private static void path(long m, long start, long end, Subtrees subtrees, List<byte[]> proof) {
    long n = end - start;
    if (n <= 1) {
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m < start + k) {
      path(m, start, start + k, subtrees, proof);
      proof.add(hash(start + k, end, subtrees));
    } else {
      path(m, start + k, end, subtrees, proof);
      proof.add(hash(start, start + k, subtrees));
    }
  }

  private static void subproof(
      long m, long start, long end, boolean whole, Subtrees subtrees, List<byte[]> proof) {
    long n = end - start;
    if (m == n) {
      if (!whole) {
        proof.add(hash(start, end, subtrees));
      }
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m <= k) {
      subproof(m, start, start + k, whole, subtrees, proof);
      proof.add(hash(start + k, end, subtrees));
    } else {
      subproof(m - k, start + k, end, false, subtrees, proof);
      proof.add(hash(start, start + k, subtrees));
    }
  }

  /**
   * RFC 9162 section 2.1.3.2: whether {@code proof} puts the leaf into the tree of {@code root}.
   */
  public static boolean verifyInclusion(
      long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (leafIndex < 0 || leafIndex >= treeSize || leafHash == null || root == null) {
      return false;
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0 || p == null || p.length != TreeHashes.SIZE) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = TreeHashes.nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = TreeHashes.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * RFC 9162 section 2.1.4.2: whether {@code proof} shows that the tree of {@code size2} leaves and
   * root {@code root2} extends the tree of {@code size1} leaves and root {@code root1}.
   */
  public static boolean verifyConsistency(
      long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    if (size1 < 0 || size2 < size1 || root1 == null || root2 == null) {
      return false;
    }
    if (size1 == size2) {
      return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
    }
    if (size1 == 0) {
      return proof.isEmpty(); // every tree extends the empty one
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>();
    if (Long.bitCount(size1) == 1) {
      path.add(root1);
    }
    path.addAll(proof);
    for (byte[] p : path) {
      if (p == null || p.length != TreeHashes.SIZE) {
        return false;
      }
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = TreeHashes.nodeHash(c, fr);
        sr = TreeHashes.nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = TreeHashes.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
  }
}
