package de.rathaus.application.privacy;

import de.rathaus.domain.privacy.PersonalDataErased;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Keeps track of the citizens whose personal data the engine holds: a citizen holds data from the
 * first event that carries a personal value of theirs (any event whose record names a {@code
 * DataSubject}) until their next erasure. The engine reads it at start, before anything else runs:
 * a key store that is empty while citizens hold data is not the one their data was written with.
 *
 * <p>Each citizen's record keeps the position of the last event applied; a redelivered event
 * changes nothing. An event for a citizen who already holds data writes nothing, so the read model
 * costs a lookup per such event, not a write.
 */
public class PrivacySubjectsProjection {

  /** The processing group (processor) name, for rebuilds and metrics. */
  public static final String NAME = "privacy-subjects";

  private final PrivacySubjects subjects;

  public PrivacySubjectsProjection(PrivacySubjects subjects) {
    this.subjects = subjects;
  }

  @EventHandler
  void on(PersonalDataErased event, TrackingToken token) {
    long position = positionOf(token);
    String subject = event.subject().value();
    Optional<PrivacySubject> known = subjects.find(subject);
    if (known.isPresent() && known.get().applied(position)) {
      return;
    }
    subjects.save(
        known
            .map(s -> s.erased(event.at(), position))
            .orElseGet(() -> PrivacySubject.erasedOnly(subject, event.at(), position)));
  }

  /** Any other event; only those of a type that names a subject are read (and decrypted). */
  @EventHandler
  void on(EventMessage<?> event, TrackingToken token) {
    if (!PersonalParts.namesSubject(event.getPayloadType())) {
      return;
    }
    String subject = PersonalParts.subjectOf(event.getPayload());
    if (subject == null) {
      return;
    }
    long position = positionOf(token);
    Optional<PrivacySubject> known = subjects.find(subject);
    if (known.isEmpty()) {
      subjects.save(PrivacySubject.holdingData(subject, position));
    } else if (!known.get().holdsData() && !known.get().applied(position)) {
      subjects.save(known.get().withData(position));
    }
  }

  @ResetHandler
  void reset() {
    subjects.clear();
  }

  private static long positionOf(TrackingToken token) {
    return token == null ? -1 : token.position().orElse(-1);
  }
}
