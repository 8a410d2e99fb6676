package de.rathaus.application.transparency;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The stored history as a Merkle tree: sealing takes each settled position (below the gap-free
 * horizon, so that no slow commit can land in a sealed range) into the tree in position order, and
 * the stored hashes of the tree answer roots and proofs of any size up to the sealed one.
 */
public interface HistoryLog {

  /**
   * What is sealed.
   *
   * @param size the number of leaves sealed: positions 1 to {@code size}
   * @param lastEventLeaf the highest sealed leaf that holds an event other than a checkpoint's, −1
   *     if none does (a checkpoint is due only when it is covered by none yet)
   */
  record Sealed(long size, long lastEventLeaf) {}

  /**
   * One position as a leaf.
   *
   * @param position the position in the store
   * @param line the history line (the leaf before canonicalization)
   * @param leafHash its leaf hash
   */
  record Leaf(long position, ObjectNode line, byte[] leafHash) {
    public long leafIndex() {
      return HistoryLine.leafIndex(position);
    }
  }

  /**
   * The outcome of re-hashing the stored history against a root.
   *
   * @param checkedSize how many leaves were re-hashed
   * @param firstBadPosition the first position whose stored event does not hash to the sealed leaf,
   *     or is missing; {@code null} if none
   * @param reason what was found, in words (no stored value)
   */
  record Verification(long checkedSize, Long firstBadPosition, String reason) {
    public boolean valid() {
      return firstBadPosition == null && reason == null;
    }
  }

  /** Seals every settled position after the sealed ones; answers what is sealed then. */
  Sealed seal();

  /** What is sealed now (as stored: another instance may have sealed more). */
  Sealed sealed();

  /** MTH of the first {@code size} leaves; {@code size} at most the sealed size. */
  byte[] root(long size);

  /** The sealed leaf hash of a leaf index. */
  byte[] leafHash(long leafIndex);

  List<byte[]> inclusionProof(long leafIndex, long treeSize);

  List<byte[]> consistencyProof(long fromSize, long toSize);

  /** The stored event with this identifier as a leaf, once its commit is decided. */
  Optional<Leaf> leafOfEvent(String eventId);

  /** The aggregate's event at the sequence number as a leaf. */
  Optional<Leaf> leafOf(String aggregateId, long sequence);

  /**
   * Re-hashes the stored history's first {@code size} positions and compares each with the sealed
   * leaf hash, and the root of the re-hashed leaves and of the sealed tree with {@code root}.
   */
  Verification verify(long size, byte[] root);
}
