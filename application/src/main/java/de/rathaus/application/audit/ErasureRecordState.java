package de.rathaus.application.audit;

import de.rathaus.domain.privacy.PersonalDataErased;
import java.util.List;

/**
 * An erasure record as it stood: the erasures of one citizen's personal data recorded so far,
 * oldest first. No read model keeps erasure records (each erasure is a fact of the audit trail), so
 * the state is the recorded erasures themselves; they hold no personal data.
 */
public record ErasureRecordState(String id, List<PersonalDataErased> erasures) {

  public ErasureRecordState {
    erasures = List.copyOf(erasures);
  }
}
