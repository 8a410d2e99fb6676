package de.rathaus.domain.transparency;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The city signed the root of its history's first {@code treeSize} leaves. No personal data: the
 * leaves are hashed, and what they hold stays where it is stored.
 *
 * @param rootHash the tree's root, base64
 * @param signature the Ed25519 signature of the checkpoint, base64
 * @param keyId the signing key's id (hex)
 * @param note the checkpoint as a C2SP signed note
 */
@Revision("1")
public record CheckpointRecorded(
    TransparencyLogId logId,
    long treeSize,
    String rootHash,
    Instant signedAt,
    String signature,
    String keyId,
    String note) {}
