package de.rathaus.application.transparency;

import java.time.Instant;

/**
 * A recorded checkpoint as the public reads it.
 *
 * @param ordinal its place among the log's checkpoints, from 1 (the log's event sequence + 1)
 * @param logId the log's id (the C2SP origin)
 * @param treeSize how many leaves it covers: positions 1 to {@code treeSize}
 * @param rootHash the root, base64
 * @param signedAt when it was signed
 * @param signature the Ed25519 signature, base64
 * @param keyId the signing key's id, hex
 * @param note the checkpoint as a C2SP signed note
 */
public record CheckpointView(
    long ordinal,
    String logId,
    long treeSize,
    String rootHash,
    Instant signedAt,
    String signature,
    String keyId,
    String note) {}
