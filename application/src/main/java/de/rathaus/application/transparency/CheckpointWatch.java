package de.rathaus.application.transparency;

import de.rathaus.domain.transparency.CheckpointRuleViolation;
import de.rathaus.domain.transparency.RecordCheckpoint;
import de.rathaus.domain.transparency.TransparencyLogId;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Seals the history and signs a checkpoint when one is due: once {@code everyLeaves} leaves were
 * sealed since the last checkpoint, or {@code every} has passed since it, and only if an event
 * other than a checkpoint was sealed since (the log never feeds itself; the log's aggregate refuses
 * anything else, so two instances cannot sign a checkpoint of checkpoints either). The first
 * checkpoint is signed as soon as anything is sealed.
 *
 * <p>It signs only a tree that extends the last checkpoint: the stored tree's root at the last
 * checkpoint's size must be that checkpoint's root, or nothing is signed (a rewritten store is not
 * blessed by a new signature). A checkpoint's timestamp is never earlier than the last one's, so a
 * clock that steps back, or another instance's clock behind, keeps the signed times in order.
 *
 * <p>Before its key's period begins ({@code signsFrom}, after a key rotation) it signs nothing: a
 * checkpoint the key signed then would not verify, and the instances not yet restarted still sign
 * with the retired key until then.
 */
public class CheckpointWatch {

  /** What one run did. */
  public record Run(long sealedSize, Optional<Long> signedSize) {}

  private final HistoryLog log;
  private final Checkpoints checkpoints;
  private final LogKey key;
  private final TransparencyLogId logId;
  private final CommandGateway commands;
  private final Clock clock;
  private final long everyLeaves;
  private final Duration every;
  private final Instant signsFrom;

  /** The last checkpoint this instance recorded, ahead of the read model. */
  private volatile long recordedSize;

  private volatile Instant recordedAt;
  private volatile byte[] recordedRoot;

  public CheckpointWatch(
      HistoryLog log,
      Checkpoints checkpoints,
      LogKey key,
      TransparencyLogId logId,
      CommandGateway commands,
      Clock clock,
      long everyLeaves,
      Duration every) {
    this(log, checkpoints, key, logId, commands, clock, everyLeaves, every, null);
  }

  /** A watch whose key signs from {@code signsFrom} on (null: always). */
  public CheckpointWatch(
      HistoryLog log,
      Checkpoints checkpoints,
      LogKey key,
      TransparencyLogId logId,
      CommandGateway commands,
      Clock clock,
      long everyLeaves,
      Duration every,
      Instant signsFrom) {
    if (everyLeaves < 1 || every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("Checkpoints need a positive leaf count and interval");
    }
    this.log = log;
    this.checkpoints = checkpoints;
    this.key = key;
    this.logId = logId;
    this.commands = commands;
    this.clock = clock;
    this.everyLeaves = everyLeaves;
    this.every = every;
    this.signsFrom = signsFrom;
  }

  public synchronized Run run() {
    HistoryLog.Sealed sealed = log.seal();
    Optional<CheckpointView> last = checkpoints.latest();
    long readSize = last.map(CheckpointView::treeSize).orElse(0L);
    boolean ownIsNewer = recordedAt != null && recordedSize >= readSize;
    long lastSize = ownIsNewer ? recordedSize : readSize;
    Instant lastAt = ownIsNewer ? recordedAt : last.map(CheckpointView::signedAt).orElse(null);
    if (sealed.size() <= lastSize || sealed.lastEventLeaf() < lastSize) {
      return new Run(sealed.size(), Optional.empty());
    }
    Instant now = clock.instant();
    if (signsFrom != null && now.isBefore(signsFrom)) {
      return new Run(sealed.size(), Optional.empty());
    }
    boolean due =
        lastAt == null
            || sealed.size() - lastSize >= everyLeaves
            || !now.isBefore(lastAt.plus(every));
    if (!due) {
      return new Run(sealed.size(), Optional.empty());
    }
    if (lastSize > 0) {
      byte[] lastRoot =
          ownIsNewer ? recordedRoot : Base64.getDecoder().decode(last.get().rootHash());
      if (!MessageDigest.isEqual(log.root(lastSize), lastRoot)) {
        throw new IllegalStateException(
            "The stored tree does not have the root of the last checkpoint (size "
                + lastSize
                + "): it was changed, and no checkpoint is signed over it");
      }
    }
    Instant signedAt = lastAt != null && now.isBefore(lastAt) ? lastAt : now;
    Checkpoint checkpoint =
        Checkpoint.sign(logId.value(), sealed.size(), log.root(sealed.size()), signedAt, key);
    Base64.Encoder base64 = Base64.getEncoder();
    try {
      commands.sendAndWait(
          new RecordCheckpoint(
              logId,
              checkpoint.treeSize(),
              base64.encodeToString(checkpoint.rootHash()),
              checkpoint.timestamp(),
              base64.encodeToString(checkpoint.signature()),
              checkpoint.keyId(),
              checkpoint.note(),
              sealed.lastEventLeaf()));
    } catch (CheckpointRuleViolation another) {
      // another instance recorded this size or more meanwhile
      return new Run(sealed.size(), Optional.empty());
    }
    recordedRoot = checkpoint.rootHash();
    recordedSize = checkpoint.treeSize();
    recordedAt = checkpoint.timestamp();
    return new Run(sealed.size(), Optional.of(checkpoint.treeSize()));
  }
}
