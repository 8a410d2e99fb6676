package de.rathaus.application.privacy;

import java.util.Optional;

/**
 * The read model of the citizens whose personal data the engine holds; infra keeps it in MongoDB.
 */
public interface PrivacySubjects {

  void save(PrivacySubject subject);

  Optional<PrivacySubject> find(String subject);

  /** How many citizens hold personal data (written since their last erasure). */
  long countHoldingData();

  /** Empties the read model before it is rebuilt from the history. */
  void clear();
}
