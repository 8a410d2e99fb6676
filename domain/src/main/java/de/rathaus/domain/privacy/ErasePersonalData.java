package de.rathaus.domain.privacy;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a citizen's personal data was erased: their key is destroyed (by the caller, before
 * this command), so everything encrypted with it reads as a placeholder from now on.
 *
 * @param erasureId the id the answer and the audit trail quote
 * @param reason why, in words an auditor can follow; must not contain personal data
 * @param erasedBy who ordered it (an admin's id, or {@code system} for retention)
 * @param keyDestroyed whether there was a key to destroy (false: nothing was held any more)
 */
public record ErasePersonalData(
    @TargetAggregateIdentifier ErasureRecordId id,
    String erasureId,
    CitizenId subject,
    ErasureGround ground,
    String reason,
    String erasedBy,
    boolean keyDestroyed,
    Instant at) {

  public ErasePersonalData {
    if (id == null || subject == null || ground == null || at == null) {
      throw new IllegalArgumentException("id, subject, ground and at are required");
    }
    if (!id.equals(ErasureRecordId.of(subject))) {
      throw new IllegalArgumentException("The erasure record must be the subject's own");
    }
    if (erasureId == null || erasureId.isBlank()) {
      throw new IllegalArgumentException("An erasure needs its id");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("An erasure needs a reason");
    }
    if (erasedBy == null || erasedBy.isBlank()) {
      throw new IllegalArgumentException("An erasure needs the one who ordered it");
    }
  }
}
