package de.rathaus.domain.open311;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An API key of an Open311 client (a reporting app, a city dashboard): an administrator issues it
 * under a name, and may revoke it; a revoked key is refused for good. The aggregate knows the key
 * only by its hash: the key itself was shown once to the administrator who issued it.
 *
 * <p>An id already in use is refused by the event store, which accepts only one history per id.
 */
public class Open311Key {

  @AggregateIdentifier private Open311KeyId id;
  private boolean revoked;

  /** For Axon, which rebuilds the key from its events. */
  protected Open311Key() {}

  @CommandHandler
  public Open311Key(IssueOpen311Key command) {
    Open311KeyRules.requireShortName(command.name());
    Open311KeyRules.requireSha256(command.keyHash());
    apply(
        new Open311KeyIssued(
            command.id(), command.name().strip(), command.keyHash(), command.at()));
  }

  @CommandHandler
  public void handle(RevokeOpen311Key command) {
    Open311KeyRules.requireNotRevoked(revoked, id);
    apply(new Open311KeyRevoked(id, command.reason(), command.at()));
  }

  @EventSourcingHandler
  void on(Open311KeyIssued event) {
    id = event.id();
  }

  @EventSourcingHandler
  void on(Open311KeyRevoked event) {
    revoked = true;
  }

  boolean revoked() {
    return revoked;
  }
}
