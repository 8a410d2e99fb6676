package de.rathaus.application.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: the roots of its perfect subtrees, one per set bit of its size,
 * largest first. Leaves are added one by one; the root of the tree so far costs O(log n), and every
 * perfect subtree is reported once, when its last leaf arrives, so a log can store it.
 */
public final class Frontier {

  /** Told of each perfect subtree as it completes (the leaf itself has height 0). */
  @FunctionalInterface
  public interface Completed {
    void subtree(int height, long index, byte[] hash);
  }

  private static final Completed IGNORE = (height, index, hash) -> {};

  private final List<byte[]> edge = new ArrayList<>();
  private long size;

  public Frontier() {}

  /** The frontier of a stored tree of {@code size} leaves, from its stored perfect subtrees. */
  public static Frontier of(long size, MerkleTree.Subtrees subtrees) {
    Frontier frontier = new Frontier();
    long start = 0;
    for (int height = 62; height >= 0; height--) {
      long width = 1L << height;
      if ((size & width) != 0) {
        frontier.edge.add(subtrees.perfect(height, start >> height));
        start += width;
      }
    }
    frontier.size = size;
    return frontier;
  }

  public void add(byte[] leafHash) {
    add(leafHash, IGNORE);
  }

  /** Adds the next leaf and reports the perfect subtrees it completes, smallest first. */
  public void add(byte[] leafHash, Completed completed) {
    byte[] hash = leafHash;
    long index = size;
    int height = 0;
    completed.subtree(0, index, hash);
    long rest = size;
    while ((rest & 1) == 1) {
      hash = TreeHashes.nodeHash(edge.remove(edge.size() - 1), hash);
      rest >>= 1;
      index >>= 1;
      height++;
      completed.subtree(height, index, hash);
    }
    edge.add(hash);
    size++;
  }

  public long size() {
    return size;
  }

  /** MTH of the leaves added so far. */
  public byte[] root() {
    if (edge.isEmpty()) {
      return TreeHashes.emptyRoot();
    }
    byte[] root = edge.get(edge.size() - 1);
    for (int i = edge.size() - 2; i >= 0; i--) {
      root = TreeHashes.nodeHash(edge.get(i), root);
    }
    return root;
  }
}
