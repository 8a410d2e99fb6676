package de.rathaus.application.privacy;

import de.rathaus.domain.privacy.ErasePersonalData;
import de.rathaus.domain.privacy.ErasureGround;
import de.rathaus.domain.privacy.ErasureRecordId;
import de.rathaus.domain.shared.CitizenId;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Erases a citizen's personal data by crypto-shredding: their key is destroyed first, so that from
 * this moment every event, read model, history and export shows placeholders for their personal
 * parts (also after a rebuild, since the events keep only ciphertext); then the erasure is recorded
 * as an event with who, when and why. Facts that are not personal (service, dates, status, outcome)
 * stay. If recording fails after the key is gone, the erasure has happened and a retry records it.
 */
public class PersonalDataErasure {

  private final PersonalDataKeys keys;
  private final CommandGateway commands;
  private final Clock clock;

  public PersonalDataErasure(PersonalDataKeys keys, CommandGateway commands, Clock clock) {
    this.keys = keys;
    this.commands = commands;
    this.clock = clock;
  }

  /** An erasure done: its id, whose data, whether a key was destroyed, and when. */
  public record Erased(String erasureId, String subjectId, boolean keyDestroyed, Instant at) {}

  public Erased erase(CitizenId subject, ErasureGround ground, String reason, String erasedBy) {
    boolean destroyed = keys.destroy(subject.value(), keys.keyId(subject.value()).orElse(null));
    String erasureId = UUID.randomUUID().toString();
    Instant at = clock.instant();
    commands.sendAndWait(
        new ErasePersonalData(
            ErasureRecordId.of(subject),
            erasureId,
            subject,
            ground,
            reason,
            erasedBy,
            destroyed,
            at));
    return new Erased(erasureId, subject.value(), destroyed, at);
  }
}
