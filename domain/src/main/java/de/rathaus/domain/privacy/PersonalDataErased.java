package de.rathaus.domain.privacy;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A citizen's personal data was erased by destroying their key: who ordered it, when and why. It
 * carries no personal data itself, so it stays readable for auditors for good.
 */
@Revision("1")
public record PersonalDataErased(
    ErasureRecordId id,
    String erasureId,
    CitizenId subject,
    ErasureGround ground,
    String reason,
    String erasedBy,
    boolean keyDestroyed,
    Instant at) {}
