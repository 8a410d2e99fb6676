package de.rathaus.application.privacy;

import java.time.Instant;
import java.util.Optional;

/**
 * The per-citizen keys that protect personal data, as the erasure use case sees them. Destroying a
 * citizen's key erases every piece of their personal data at once: events and read models keep the
 * ciphertext, which then reads as a placeholder. A later write for the same citizen makes a new
 * key, which cannot decrypt anything written before.
 */
public interface PersonalDataKeys {

  /**
   * Destroys the subject's key for good.
   *
   * @return whether a key existed
   */
  boolean destroy(String subject);

  /** Whether the subject has a key (personal data of theirs has been written since any erasure). */
  boolean exists(String subject);

  /** When the subject's current key was made, if they have one. */
  Optional<Instant> createdAt(String subject);
}
