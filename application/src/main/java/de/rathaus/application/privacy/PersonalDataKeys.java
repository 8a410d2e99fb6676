package de.rathaus.application.privacy;

import java.time.Instant;
import java.util.Optional;

/**
 * The per-citizen keys that protect personal data, as the erasure use case sees them. Destroying a
 * citizen's key erases every piece of their personal data at once: events and read models keep the
 * ciphertext, which then reads as a placeholder. A later write for the same citizen makes a new
 * key, which cannot decrypt anything written before.
 *
 * <p>A key is destroyed only after its erasure is recorded, and destroying it leaves a tombstone in
 * the key store: a key that is missing without one is an error ({@link PersonalDataKeyMissing}),
 * never a placeholder.
 */
public interface PersonalDataKeys {

  /** The id of the subject's current key, if they have one (none is made). */
  Optional<String> keyId(String subject);

  /**
   * Destroys a key whose erasure is recorded: writes its tombstone, then destroys the key if it is
   * still the subject's current one. Doing it again changes nothing.
   *
   * @param keyId the key the recorded erasure names; {@code null} if the erasure found none, which
   *     marks every key the subject had before as erased
   * @return whether a key was destroyed now
   */
  boolean destroy(String subject, String keyId);

  /** Whether the subject has a key (personal data of theirs has been written since any erasure). */
  boolean exists(String subject);

  /** When the subject's current key was made, if they have one. */
  Optional<Instant> createdAt(String subject);
}
