package de.rathaus.infra.privacy;

import de.rathaus.application.privacy.PersonalDataKeys;
import java.util.Optional;

/**
 * Where the per-subject keys live: one current key per data subject, made on the first write of
 * their personal data and destroyed on erasure, and a tombstone for every destroyed key, so that a
 * missing key can be told from an erased one. Implementations never put key material or personal
 * data into logs or exception messages.
 */
public interface SubjectKeyStore extends PersonalDataKeys {

  /** The subject's current key, made (and stored durably) if they have none. */
  SubjectKey currentKey(String subject);

  /** The subject's key with the given id, if it still exists. */
  Optional<SubjectKey> find(String subject, String kid);

  /**
   * Whether an erasure of the subject's key with this id is recorded: its tombstone exists, or the
   * one written when an erasure of the subject found no key.
   */
  boolean erased(String subject, String kid);

  /** Destroys the subject's current key, recording its erasure; false if they have none. */
  default boolean destroy(String subject) {
    return destroy(subject, keyId(subject).orElse(null));
  }

  /**
   * Whether the store holds neither keys nor tombstones: new, or not the store the engine's data
   * was written with.
   */
  boolean isEmpty();

  /** Where the keys are, in words for an operator: the directory or the collection. */
  String location();
}
