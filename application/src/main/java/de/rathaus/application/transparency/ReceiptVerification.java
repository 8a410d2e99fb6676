package de.rathaus.application.transparency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The offline check of a receipt: a citizen's proof, to anyone and without the city's database,
 * that what they filed is in the history at its position, as of a signed checkpoint (Fristwahrung).
 * A receipt is the JSON {@code {"requestId" (or "subject"),"position","leafIndex","leaf" (the
 * canonical JSON text of the stored event),"leafHash" (base64),"checkpoint" (a checkpoint's JSON),
 * "inclusionProof" ([base64, ...])}}.
 *
 * <p>It is valid iff the checkpoint verifies with the key; the leaf is canonical JSON (RFC 8785)
 * whose own position is the receipt's; its leaf hash is {@code leafHash}; the leaf index is
 * position − 1 and below the tree size; and the inclusion proof (RFC 9162) leads from the leaf hash
 * to the checkpoint's root.
 */
public final class ReceiptVerification {

  /** A key twice in one object is refused: readers that keep the first or the last differ. */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * The outcome of a check.
   *
   * @param valid whether the receipt proves its leaf under the signed checkpoint
   * @param reason what was found, for people (never the leaf's content)
   */
  public record Result(boolean valid, String reason) {

    static Result refused(String reason) {
      return new Result(false, reason);
    }
  }

  private ReceiptVerification() {}

  /** Checks a receipt (its JSON tree) with the key, whenever the checkpoint was signed. */
  public static Result verify(JsonNode receipt, VerifierKey key) {
    return verify(receipt, LogKeySet.single(key));
  }

  /**
   * Checks a receipt (its JSON tree) with the log's keys: its checkpoint must be signed by one of
   * them within that key's period ({@link LogKeySet#check}).
   */
  public static Result verify(JsonNode receipt, LogKeySet keys) {
    if (receipt == null || !receipt.isObject()) {
      return Result.refused("the receipt is no JSON object");
    }
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.fromJson(receipt.get("checkpoint"));
    } catch (IllegalArgumentException e) {
      return Result.refused("the receipt's checkpoint is malformed: " + e.getMessage());
    }
    LogKeySet.Verdict signed = keys.check(checkpoint);
    if (!signed.valid()) {
      return Result.refused(
          "the receipt's checkpoint does not verify with the key: " + signed.reason());
    }
    JsonNode positionNode = receipt.get("position");
    if (positionNode == null
        || !positionNode.isIntegralNumber()
        || !positionNode.canConvertToLong()) {
      return Result.refused("the receipt has no position");
    }
    long position = positionNode.longValue();
    long leafIndex = HistoryLine.leafIndex(position);
    JsonNode indexNode = receipt.get("leafIndex");
    if (indexNode != null
        && (!indexNode.canConvertToLong() || indexNode.longValue() != leafIndex)) {
      return Result.refused("the receipt's leaf index is not its position - 1");
    }
    if (position < 1 || leafIndex >= checkpoint.treeSize()) {
      return Result.refused(
          "position " + position + " is not covered by the checkpoint of " + checkpoint.treeSize());
    }
    JsonNode leafNode = receipt.get("leaf");
    if (leafNode == null || !leafNode.isTextual()) {
      return Result.refused("the receipt has no leaf text");
    }
    byte[] leaf = leafNode.asText().getBytes(StandardCharsets.UTF_8);
    JsonNode parsedLeaf;
    try {
      parsedLeaf = JSON.readTree(leaf);
    } catch (java.io.IOException e) {
      return Result.refused("the receipt's leaf is no JSON");
    }
    if (parsedLeaf == null || !Arrays.equals(CanonicalJson.bytes(parsedLeaf), leaf)) {
      return Result.refused("the receipt's leaf is not canonical JSON (RFC 8785)");
    }
    if (HistoryLine.position(parsedLeaf) != position) {
      return Result.refused("the receipt's leaf is not the event at position " + position);
    }
    byte[] leafHash = TreeHashes.leafHash(leaf);
    byte[] claimed = base64(receipt.get("leafHash"));
    if (claimed == null || !Arrays.equals(claimed, leafHash)) {
      return Result.refused("the receipt's leaf hash is not the hash of its leaf");
    }
    List<byte[]> proof = proof(receipt.get("inclusionProof"));
    if (proof == null) {
      return Result.refused("the receipt's inclusion proof is malformed");
    }
    if (!MerkleTree.verifyInclusion(
        leafIndex, checkpoint.treeSize(), leafHash, proof, checkpoint.rootHash())) {
      return Result.refused(
          "the inclusion proof does not lead from the leaf to the checkpoint's root");
    }
    return new Result(
        true,
        "position "
            + position
            + " is in the history signed by "
            + checkpoint.logId()
            + " at "
            + checkpoint.timestamp()
            + " (tree size "
            + checkpoint.treeSize()
            + ")");
  }

  /** Checks a receipt's JSON text with the key. */
  public static Result verify(String receiptJson, VerifierKey key) {
    return verify(receiptJson, LogKeySet.single(key));
  }

  /** Checks a receipt's JSON text with the log's keys. */
  public static Result verify(String receiptJson, LogKeySet keys) {
    try {
      return verify(JSON.readTree(receiptJson), keys);
    } catch (JsonProcessingException e) {
      return Result.refused("the receipt is no JSON");
    }
  }

  private static List<byte[]> proof(JsonNode node) {
    if (node == null || !node.isArray()) {
      return null;
    }
    List<byte[]> proof = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      byte[] hash = base64(element);
      if (hash == null) {
        return null;
      }
      proof.add(hash);
    }
    return proof;
  }

  private static byte[] base64(JsonNode node) {
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
