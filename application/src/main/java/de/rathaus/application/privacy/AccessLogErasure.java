package de.rathaus.application.privacy;

import de.rathaus.domain.privacy.PersonalDataErased;
import org.axonframework.eventhandling.EventHandler;

/**
 * Deletes a citizen's access-log entries when their personal data is erased: the entries recorded
 * up to the erasure. {@link PersonalDataErasure} does it right after destroying the key; this
 * handler does it again from the recorded event, so an erasure that the engine's stop cut short is
 * completed too. Doing it twice (a redelivery, a replay) deletes nothing more, and entries of reads
 * after the erasure stay.
 *
 * <p>It runs in the processing group {@value PrivacySubjectsProjection#NAME}.
 */
public class AccessLogErasure {

  private final AccessLog log;

  public AccessLogErasure(AccessLog log) {
    this.log = log;
  }

  @EventHandler
  void on(PersonalDataErased event) {
    log.forget(event.subject(), event.at());
  }
}
