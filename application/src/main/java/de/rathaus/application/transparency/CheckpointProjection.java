package de.rathaus.application.transparency;

import de.rathaus.domain.transparency.CheckpointRecorded;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Keeps the public list of signed checkpoints. A checkpoint's ordinal is its event's sequence in
 * the log, so the list is dense and a redelivered event lands on the same entry.
 */
public class CheckpointProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "checkpoints";

  private final Checkpoints checkpoints;

  public CheckpointProjection(Checkpoints checkpoints) {
    this.checkpoints = checkpoints;
  }

  @EventHandler
  void on(CheckpointRecorded event, @SequenceNumber long sequence) {
    checkpoints.put(
        new CheckpointView(
            sequence + 1,
            event.logId().value(),
            event.treeSize(),
            event.rootHash(),
            event.signedAt(),
            event.signature(),
            event.keyId(),
            event.note()));
  }

  @ResetHandler
  void reset() {
    checkpoints.clear();
  }
}
