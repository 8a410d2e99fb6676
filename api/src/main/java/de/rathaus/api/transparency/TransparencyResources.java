package de.rathaus.api.transparency;

import de.rathaus.application.transparency.Checkpoint;
import de.rathaus.application.transparency.CheckpointView;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** The answers of the tamper-evident log's endpoints. */
final class TransparencyResources {

  private TransparencyResources() {}

  /**
   * A signed checkpoint, in the form {@code verify} and {@code verify-receipt} read.
   *
   * @param signature Ed25519 over {@code rathaus-checkpoint/v1\n<logId>\n<treeSize>\n<rootHash>\n
   *     <timestamp>\n}
   * @param note the same tree head as a C2SP signed note ({@code tlog-checkpoint})
   */
  record CheckpointResource(
      String logId,
      long treeSize,
      String rootHash,
      Instant timestamp,
      String signature,
      String keyId,
      String note) {

    static CheckpointResource of(CheckpointView view) {
      return new CheckpointResource(
          view.logId(),
          view.treeSize(),
          view.rootHash(),
          view.signedAt(),
          view.signature(),
          view.keyId(),
          view.note());
    }

    Checkpoint checkpoint() {
      Base64.Decoder base64 = Base64.getDecoder();
      return new Checkpoint(
          logId, treeSize, base64.decode(rootHash), timestamp, base64.decode(signature), note);
    }
  }

  record CheckpointPage(List<CheckpointResource> items, String next) {}

  /** RFC 9162 section 2.1.3: the audit path of one leaf in the tree of {@code treeSize}. */
  record InclusionProofResource(
      long position,
      long leafIndex,
      long treeSize,
      String leafHash,
      String rootHash,
      List<String> proof) {}

  /**
   * RFC 9162 section 2.1.4: that the tree of {@code to} leaves extends the tree of {@code from}.
   */
  record ConsistencyProofResource(
      long from, long to, String fromRoot, String toRoot, List<String> proof) {}

  /**
   * The outcome of re-hashing the stored history against the latest checkpoint.
   *
   * @param checkedSize how many positions were re-hashed
   * @param checkpointsChecked how many recorded checkpoints were checked against the stored tree
   * @param firstBadPosition the first position found changed, removed or inserted; null if none
   * @param reason what was found, null if nothing
   */
  record VerificationResource(
      boolean valid,
      long checkedSize,
      long checkpointsChecked,
      Long firstBadPosition,
      String reason,
      CheckpointResource checkpoint) {}

  /**
   * What a citizen keeps to prove what was filed and when, to anyone, without the city's database.
   *
   * @param leaf the stored event as RFC 8785 canonical JSON (personal values as stored: encrypted)
   * @param leafHash SHA-256(0x00 ‖ leaf), base64
   * @param checkpoint the signed checkpoint the proof leads to
   * @param inclusionProof the audit path from the leaf to the checkpoint's root, base64 hashes
   */
  record ReceiptResource(
      String requestId,
      long position,
      long leafIndex,
      String leaf,
      String leafHash,
      CheckpointResource checkpoint,
      List<String> inclusionProof) {}

  /** A receipt not ready yet: the event is stored, no signed checkpoint covers it yet. */
  record ReceiptPending(String requestId, long position, String leafHash, long retryAfterSeconds) {}

  static List<String> base64(List<byte[]> hashes) {
    Base64.Encoder encoder = Base64.getEncoder();
    return hashes.stream().map(encoder::encodeToString).toList();
  }
}
