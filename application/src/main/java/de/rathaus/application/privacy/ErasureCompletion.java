package de.rathaus.application.privacy;

import de.rathaus.domain.privacy.PersonalDataErased;
import org.axonframework.eventhandling.EventHandler;

/**
 * Destroys the key a recorded erasure names, if it still exists: after the engine stopped between
 * recording an erasure and destroying the key, this happens when the event is handled, on the next
 * start at the latest. Destroying a key that is gone changes nothing, so a redelivery or a rebuild
 * of its processing group only confirms the tombstones.
 *
 * <p>It runs in the processing group {@value PrivacySubjectsProjection#NAME}.
 */
public class ErasureCompletion {

  private final PersonalDataKeys keys;

  public ErasureCompletion(PersonalDataKeys keys) {
    this.keys = keys;
  }

  @EventHandler
  void on(PersonalDataErased event) {
    keys.destroy(event.subject().value(), event.keyId());
  }
}
