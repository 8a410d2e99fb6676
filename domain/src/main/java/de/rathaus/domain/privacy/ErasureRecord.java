package de.rathaus.domain.privacy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The erasures of one citizen's personal data, in order. A citizen may come back after an erasure
 * (new requests make a new key), so a record takes any number of erasures; each is a fact for the
 * audit trail.
 */
public class ErasureRecord {

  @AggregateIdentifier private ErasureRecordId id;
  private int erasures;

  protected ErasureRecord() {
    // for Axon
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(ErasePersonalData command) {
    apply(
        new PersonalDataErased(
            command.id(),
            command.erasureId(),
            command.subject(),
            command.ground(),
            command.reason(),
            command.reference(),
            command.erasedBy(),
            command.keyId(),
            command.at()));
  }

  @EventSourcingHandler
  void on(PersonalDataErased event) {
    id = event.id();
    erasures++;
  }

  /** How many erasures this record holds. */
  int erasures() {
    return erasures;
  }
}
