package de.rathaus.application.transparency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The offline check of an exported history against a signed checkpoint: what a journalist runs on
 * the export and the checkpoint with no database and no trust in the city's servers. The
 * checkpoint's signature is checked first; then the export's lines are read once, in order, each
 * re-hashed as its leaf, and the root of the first {@code treeSize} leaves must be the signed root.
 *
 * <p>If it is not, the first bad position is named with the help of the {@code leafHash} each line
 * carries (the hash the engine sealed): if the tree of those hashes has the signed root, they are
 * authentic, and the first line whose own hash differs from its {@code leafHash} is the first bad
 * one. If that tree does not have the signed root either, the {@code leafHash} values were changed
 * too; the first line whose hash differs is still named, but the result says that the export's tree
 * does not match the checkpoint either, so the named position is only where the export stops
 * agreeing with itself.
 *
 * <p>Lines must state their positions 1, 2, 3, ... in this order. Where a line states another
 * position, the position that is not where it must be is bad: the missing one (a deleted line, or
 * the first of two swapped ones), or the doubled one (an inserted line that repeats a position),
 * unless an earlier line already differs from its leaf hash.
 *
 * <p>Memory is constant besides two frontiers (O(log n) hashes): no line is kept.
 */
public final class HistoryVerification {

  /** A key twice in one object is refused: readers that keep the first or the last differ. */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * The outcome of a check.
   *
   * @param valid whether every covered line is the one the checkpoint signed
   * @param checkedSize how many lines were read and re-hashed (the tree size if valid)
   * @param firstBadPosition the first position found bad, or null (valid, a refused checkpoint, or
   *     an export whose tree is not the signed one while no line differs from its own leaf hash)
   * @param reason what was found, for people; no content of a line
   */
  public record Result(boolean valid, long checkedSize, Long firstBadPosition, String reason) {

    static Result valid(long size) {
      return new Result(true, size, null, "the export's first " + size + " positions are signed");
    }

    static Result bad(long checked, Long position, String reason) {
      return new Result(false, checked, position, reason);
    }
  }

  private HistoryVerification() {}

  /**
   * Checks the export's first {@code checkpoint.treeSize()} lines against the checkpoint; lines
   * beyond it (events after the checkpoint) are not read.
   *
   * @throws UncheckedIOException if the export cannot be read
   */
  public static Result verify(BufferedReader exportLines, Checkpoint checkpoint, VerifierKey key) {
    return verify(exportLines, checkpoint, LogKeySet.single(key));
  }

  /**
   * As {@link #verify(BufferedReader, Checkpoint, VerifierKey)}, with the log's keys: the
   * checkpoint must be signed by one of them within that key's period ({@link LogKeySet#check}).
   */
  public static Result verify(BufferedReader exportLines, Checkpoint checkpoint, LogKeySet keys) {
    LogKeySet.Verdict signed = keys.check(checkpoint);
    if (!signed.valid()) {
      return Result.bad(
          0,
          null,
          "the checkpoint's signature does not verify with the key: it is refused ("
              + signed.reason()
              + ")");
    }
    long size = checkpoint.treeSize();
    Frontier recomputed = new Frontier();
    Frontier sealed = new Frontier();
    boolean sealedComplete = true;
    Long firstDiffering = null;
    try {
      for (long position = 1; position <= size; position++) {
        String text = exportLines.readLine();
        if (text == null) {
          return Result.bad(
              position - 1,
              position,
              "the export ends before position " + position + "; the checkpoint covers " + size);
        }
        JsonNode line;
        try {
          line = JSON.readTree(text);
        } catch (JsonProcessingException e) {
          return Result.bad(
              position - 1, position, "the line of position " + position + " is no JSON");
        }
        if (line == null || !line.isObject()) {
          return Result.bad(
              position - 1, position, "the line of position " + position + " is no JSON object");
        }
        long stated = HistoryLine.position(line);
        if (stated != position) {
          // a doubled position is bad where it first stood; a missing one where it must be
          long bad = stated > 0 && stated < position ? stated : position;
          if (firstDiffering != null && firstDiffering < bad) {
            bad = firstDiffering;
          }
          return Result.bad(position - 1, bad, positionProblem(position, stated));
        }
        byte[] hash = HistoryLine.leafHash(line);
        recomputed.add(hash);
        byte[] claimed = claimedLeafHash(line);
        if (claimed == null) {
          sealedComplete = false;
        } else if (sealedComplete) {
          sealed.add(claimed);
        }
        if (firstDiffering == null && (claimed == null || !Arrays.equals(hash, claimed))) {
          firstDiffering = position;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the export", e);
    }
    byte[] root = checkpoint.rootHash();
    if (Arrays.equals(recomputed.root(), root)) {
      return Result.valid(size);
    }
    if (sealedComplete && Arrays.equals(sealed.root(), root)) {
      return Result.bad(
          size,
          firstDiffering,
          "position "
              + firstDiffering
              + " is not the event that was sealed there (the export's leaf hashes match the"
              + " checkpoint, the line does not match its leaf hash)");
    }
    if (firstDiffering == null) {
      return Result.bad(
          size,
          null,
          "the export's tree does not match the checkpoint, and no line differs from its own leaf"
              + " hash: the export is not the history that was signed, but no position can be"
              + " named without the engine's proofs");
    }
    return Result.bad(
        size,
        firstDiffering,
        "position "
            + firstDiffering
            + " is the first line that differs from its leaf hash; the export's tree does not match"
            + " the checkpoint either (its leaf hashes were changed too)");
  }

  private static String positionProblem(long expected, long stated) {
    if (stated < 0) {
      return "the line where position " + expected + " must be has no position";
    }
    if (stated > expected) {
      return "position " + expected + " is missing (the line there says " + stated + ")";
    }
    return "the line where position "
        + expected
        + " must be says "
        + stated
        + " (doubled or out of order)";
  }

  private static byte[] claimedLeafHash(JsonNode line) {
    JsonNode node = line.get(HistoryLine.LEAF_HASH);
    if (node == null || !node.isTextual()) {
      return null;
    }
    try {
      byte[] hash = Base64.getDecoder().decode(node.asText());
      return hash.length == TreeHashes.SIZE ? hash : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
