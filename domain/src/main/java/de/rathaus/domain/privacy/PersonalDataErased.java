package de.rathaus.domain.privacy;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A citizen's personal data was erased: who ordered it, when, on which ground and under which file
 * number, and which key is destroyed for it. It is recorded before the key is destroyed, so a key
 * that is gone always has a recorded erasure, and one that is still there after a crash is
 * destroyed when this event is handled. It carries no personal data itself (the reason is a code),
 * so it stays readable for auditors for good.
 *
 * <p>Revision 2: {@code reason} became a code, {@code reference} was added, and {@code keyId}
 * replaced {@code keyDestroyed}. Revision 1 exists only in stores of envelope format v1, which this
 * version refuses to start on, so there is no upcaster.
 *
 * @param keyId the key the erasure destroys, {@code null} if the citizen had none
 */
@Revision("2")
public record PersonalDataErased(
    ErasureRecordId id,
    String erasureId,
    CitizenId subject,
    ErasureGround ground,
    ErasureReason reason,
    String reference,
    String erasedBy,
    String keyId,
    Instant at) {}
