package de.rathaus.domain.transparency;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The tamper-evident log's checkpoints, in order: each covers more of the history than the one
 * before (a second instance that signed the same size a moment later is refused, so the log holds
 * each size once), and only once an event other than a checkpoint came after the last one: a
 * checkpoint is itself a leaf, and the log must not keep signing its own checkpoints.
 */
public class TransparencyLog {

  @AggregateIdentifier private TransparencyLogId id;
  private long treeSize;

  protected TransparencyLog() {
    // for Axon
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RecordCheckpoint command) {
    if (command.treeSize() <= treeSize) {
      throw new CheckpointRuleViolation(CheckpointRuleViolation.Rule.NOT_LARGER_THAN_THE_LAST);
    }
    if (command.lastEventLeaf() < treeSize) {
      // what it adds are checkpoints (and given-up positions): a checkpoint of checkpoints
      throw new CheckpointRuleViolation(CheckpointRuleViolation.Rule.NOTHING_NEW);
    }
    apply(
        new CheckpointRecorded(
            command.logId(),
            command.treeSize(),
            command.rootHash(),
            command.signedAt(),
            command.signature(),
            command.keyId(),
            command.note()));
  }

  @EventSourcingHandler
  void on(CheckpointRecorded event) {
    id = event.logId();
    treeSize = event.treeSize();
  }
}
