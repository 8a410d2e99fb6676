package de.rathaus.infra.privacy;

import de.rathaus.application.privacy.PersonalDataKeys;
import java.util.Optional;

/**
 * Where the per-subject keys live: one current key per data subject, made on the first write of
 * their personal data and destroyed on erasure. Implementations never put key material or personal
 * data into logs or exception messages.
 */
public interface SubjectKeyStore extends PersonalDataKeys {

  /** The subject's current key, made (and stored durably) if they have none. */
  SubjectKey currentKey(String subject);

  /** The subject's key with the given id, if it still exists. */
  Optional<SubjectKey> find(String subject, String kid);
}
