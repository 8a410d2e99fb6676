package de.rathaus.domain.privacy;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a citizen's personal data is erased. The erasure is recorded first and the key
 * destroyed afterwards (by the caller), so that a key is never gone without a recorded erasure;
 * from then on everything encrypted with it reads as a placeholder.
 *
 * @param erasureId the id the answer and the audit trail quote
 * @param reason why, as a ground of the list (never free text, which could hold personal data)
 * @param reference the office's file number for the erasure, where the details are kept (optional;
 *     capital letters, digits, {@code . / -}, with at least one digit, at most 40: {@value
 *     #REFERENCE_FORMAT})
 * @param erasedBy who ordered it (an admin's id, or {@code system} for retention)
 * @param keyId the key the erasure destroys, {@code null} if the citizen had none
 */
public record ErasePersonalData(
    @TargetAggregateIdentifier ErasureRecordId id,
    String erasureId,
    CitizenId subject,
    ErasureGround ground,
    ErasureReason reason,
    String reference,
    String erasedBy,
    String keyId,
    Instant at) {

  /** The form of a reference: a file number, not words. */
  public static final String REFERENCE_FORMAT = "(?=[^0-9]*[0-9])[A-Z0-9][A-Z0-9./-]{0,39}";

  private static final Pattern REFERENCE = Pattern.compile(REFERENCE_FORMAT);

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
    if (reason == null || reason.ground() != ground) {
      throw new IllegalArgumentException("An erasure needs a reason of its ground");
    }
    if (reference != null && !REFERENCE.matcher(reference).matches()) {
      throw new IllegalArgumentException(
          "A reference is a file number: capital letters, digits, '.', '/' or '-', at least one"
              + " digit, at most 40");
    }
    if (erasedBy == null || erasedBy.isBlank()) {
      throw new IllegalArgumentException("An erasure needs the one who ordered it");
    }
    if (keyId != null && keyId.isBlank()) {
      throw new IllegalArgumentException("A key id must not be blank");
    }
  }
}
