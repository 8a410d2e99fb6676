package de.rathaus.application.open311;

import de.rathaus.domain.open311.IssueOpen311Key;
import de.rathaus.domain.open311.Open311KeyId;
import de.rathaus.domain.open311.RevokeOpen311Key;
import java.security.SecureRandom;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * An administrator issues and revokes Open311 API keys. Issuing makes the key from {@link
 * SecureRandom}, records only its hash, and answers the key this once; it is kept nowhere else.
 */
public class Open311KeyAdministration {

  private final CommandGateway commands;
  private final SecureRandom random;
  private final Clock clock;

  public Open311KeyAdministration(CommandGateway commands, SecureRandom random, Clock clock) {
    this.commands = commands;
    this.random = random;
    this.clock = clock;
  }

  /** Issues a key under {@code name}; answers it with the key, shown this once. */
  public IssuedOpen311Key issue(String name) {
    Open311KeyHashes.IssuedKey key = Open311KeyHashes.generate(random);
    IssueOpen311Key command = new IssueOpen311Key(key.id(), name, key.hash(), clock.instant());
    commands.sendAndWait(command);
    return new IssuedOpen311Key(key.id(), command.name().strip(), key.key(), command.at());
  }

  /** Revokes the key; an unknown one is refused by the store, a revoked one by its rules. */
  public void revoke(Open311KeyId id, String reason) {
    commands.sendAndWait(new RevokeOpen311Key(id, reason, clock.instant()));
  }
}
