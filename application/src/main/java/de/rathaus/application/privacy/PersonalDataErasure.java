package de.rathaus.application.privacy;

import de.rathaus.domain.privacy.ErasePersonalData;
import de.rathaus.domain.privacy.ErasureReason;
import de.rathaus.domain.privacy.ErasureRecordId;
import de.rathaus.domain.shared.CitizenId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Erases a citizen's personal data by crypto-shredding. The erasure is recorded first, as an event
 * with who, when, why and which key; then the key is destroyed (a tombstone is left in the key
 * store), so that from this moment every event, read model, history and export shows placeholders
 * for their personal parts (also after a rebuild, since the events keep only ciphertext). Facts
 * that are not personal (service, dates, status, outcome) stay.
 *
 * <p>In this order a key is never gone without a recorded erasure, which is what "erased" means. If
 * the engine stops between the two steps, the recorded erasure names the key, and {@link
 * ErasureCompletion} destroys it when it handles the event (on the next start at the latest).
 */
public class PersonalDataErasure {

  private final PersonalDataKeys keys;
  private final CommandGateway commands;
  private final Clock clock;
  private final AccessLog accessLog;

  public PersonalDataErasure(PersonalDataKeys keys, CommandGateway commands, Clock clock) {
    this(keys, commands, clock, null);
  }

  /**
   * @param accessLog whose entries of the citizen are deleted with the key (see {@link
   *     AccessLogErasure}); {@code null}: none is kept
   */
  public PersonalDataErasure(
      PersonalDataKeys keys, CommandGateway commands, Clock clock, AccessLog accessLog) {
    this.keys = keys;
    this.commands = commands;
    this.clock = clock;
    this.accessLog = accessLog;
  }

  /** An erasure done: its id, whose data, whether a key was destroyed, and when. */
  public record Erased(String erasureId, String subjectId, boolean keyDestroyed, Instant at) {}

  /**
   * @param reference the office's file number of the erasure (optional; see {@link
   *     ErasePersonalData#REFERENCE_FORMAT})
   */
  public Erased erase(CitizenId subject, ErasureReason reason, String reference, String erasedBy) {
    Optional<String> key = keys.keyId(subject.value());
    String erasureId = UUID.randomUUID().toString();
    Instant at = clock.instant();
    commands.sendAndWait(
        new ErasePersonalData(
            ErasureRecordId.of(subject),
            erasureId,
            subject,
            reason.ground(),
            reason,
            reference,
            erasedBy,
            key.orElse(null),
            at));
    keys.destroy(subject.value(), key.orElse(null));
    if (accessLog != null) {
      accessLog.forget(subject, at);
    }
    return new Erased(erasureId, subject.value(), key.isPresent(), at);
  }
}
