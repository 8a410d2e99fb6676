package de.rathaus.domain.transparency;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a signed checkpoint of the log: the root of its first {@code treeSize} leaves, signed at
 * {@code signedAt}.
 *
 * @param rootHash the tree's root, base64
 * @param signature the Ed25519 signature of the checkpoint, base64
 * @param keyId the signing key's id (hex), so a verifier can pick the key after a rotation
 * @param note the checkpoint as a C2SP signed note, for witnesses
 * @param lastEventLeaf the highest leaf it covers that holds an event other than a checkpoint's
 */
public record RecordCheckpoint(
    @TargetAggregateIdentifier TransparencyLogId logId,
    long treeSize,
    String rootHash,
    Instant signedAt,
    String signature,
    String keyId,
    String note,
    long lastEventLeaf) {

  public RecordCheckpoint {
    if (logId == null || rootHash == null || signedAt == null || signature == null) {
      throw new IllegalArgumentException("logId, rootHash, signedAt and signature are required");
    }
    if (treeSize < 1) {
      throw new IllegalArgumentException("A checkpoint covers at least one leaf");
    }
  }
}
