package de.rathaus.application.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.transparency.RecordCheckpoint;
import de.rathaus.domain.transparency.TransparencyLogId;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

/** When the watch signs a checkpoint, and when it refuses to. */
class CheckpointWatchTest {

  private static final TransparencyLogId LOG = new TransparencyLogId("rathaus.example/log");
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  /** A sealed tree in memory whose stored subtrees a test can rewrite. */
  static final class MemoryLog implements HistoryLog {
    final Map<String, byte[]> subtrees = new HashMap<>();
    final Frontier frontier = new Frontier();
    long lastEventLeaf = -1;

    void add(int leaves) {
      for (int i = 0; i < leaves; i++) {
        byte[] leaf = TreeHashes.leafHash(("event " + frontier.size()).getBytes());
        frontier.add(leaf, (height, index, hash) -> subtrees.put(height + "/" + index, hash));
        lastEventLeaf = frontier.size() - 1;
      }
    }

    /** Rewrites a stored leaf and the subtrees above it, as a tampered store would hold them. */
    void rewrite(long leaf) {
      Frontier rebuilt = new Frontier();
      for (long i = 0; i < frontier.size(); i++) {
        byte[] hash =
            i == leaf ? TreeHashes.leafHash("forged".getBytes()) : subtrees.get("0/" + i).clone();
        rebuilt.add(hash, (height, index, h) -> subtrees.put(height + "/" + index, h));
      }
    }

    @Override
    public Sealed seal() {
      return sealed();
    }

    @Override
    public Sealed sealed() {
      return new Sealed(frontier.size(), lastEventLeaf);
    }

    @Override
    public byte[] root(long size) {
      return MerkleTree.root(size, (height, index) -> subtrees.get(height + "/" + index));
    }

    @Override
    public byte[] leafHash(long leafIndex) {
      return subtrees.get("0/" + leafIndex);
    }

    @Override
    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<byte[]> consistencyProof(long fromSize, long toSize) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Leaf> leafOfEvent(String eventId) {
      return Optional.empty();
    }

    @Override
    public Optional<Leaf> leafOf(String aggregateId, long sequence) {
      return Optional.empty();
    }

    @Override
    public Verification verify(long size, byte[] root) {
      throw new UnsupportedOperationException();
    }
  }

  private final MemoryLog log = new MemoryLog();
  private final InMemoryCheckpoints checkpoints = new InMemoryCheckpoints();
  private final List<RecordCheckpoint> recorded = new ArrayList<>();
  private final MutableClock clock = new MutableClock(T0);

  /** The gateway records the checkpoint into the read model, as the projection would. */
  private final CommandGateway commands =
      (CommandGateway)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {CommandGateway.class},
              (proxy, method, args) -> {
                if (!method.getName().equals("sendAndWait")) {
                  throw new UnsupportedOperationException(method.getName());
                }
                RecordCheckpoint command = (RecordCheckpoint) args[0];
                recorded.add(command);
                checkpoints.put(
                    new CheckpointView(
                        recorded.size(),
                        command.logId().value(),
                        command.treeSize(),
                        command.rootHash(),
                        command.signedAt(),
                        command.signature(),
                        command.keyId(),
                        command.note()));
                return null;
              });

  private final CheckpointWatch watch =
      new CheckpointWatch(
          log, checkpoints, LogKey.generate(), LOG, commands, clock, 100, Duration.ofSeconds(10));

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aKeyWhosePeriodHasNotBegunSignsNothingUntilItBegins() {
    CheckpointWatch rotated =
        new CheckpointWatch(
            log,
            checkpoints,
            LogKey.generate(),
            LOG,
            commands,
            clock,
            100,
            Duration.ofSeconds(10),
            T0.plusSeconds(60));
    log.add(3);

    assertThat(rotated.run().signedSize()).isEmpty();
    clock.now = T0.plusSeconds(60);
    assertThat(rotated.run().signedSize()).contains(3L);
    assertThat(recorded.get(0).signedAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void theFirstCheckpointIsSignedAsSoonAsAnythingIsSealed() {
    log.add(3);

    assertThat(watch.run().signedSize()).contains(3L);
    assertThat(Base64.getDecoder().decode(recorded.get(0).rootHash())).isEqualTo(log.root(3));
  }

  @Test
  void aCheckpointIsDueAfterItsLeafCountOrItsInterval() {
    log.add(3);
    watch.run();
    log.add(5);

    assertThat(watch.run().signedSize()).as("neither due").isEmpty();
    clock.now = T0.plusSeconds(10);
    assertThat(watch.run().signedSize()).contains(8L);
    log.add(100);
    assertThat(watch.run().signedSize()).as("100 leaves more").contains(108L);
  }

  @Test
  void aStoredTreeThatNoLongerHasTheLastCheckpointsRootIsNotSigned() {
    log.add(10);
    watch.run();
    log.rewrite(4);
    log.add(200);

    assertThatThrownBy(watch::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("root of the last checkpoint");
    assertThat(recorded).hasSize(1);
  }

  @Test
  void aTreeRewrittenBehindTheReadModelsCheckpointIsNotSignedEitherAfterARestart() {
    log.add(10);
    watch.run();
    log.rewrite(9);
    log.add(200);
    CheckpointWatch restarted =
        new CheckpointWatch(
            log, checkpoints, LogKey.generate(), LOG, commands, clock, 100, Duration.ofSeconds(10));

    assertThatThrownBy(restarted::run).isInstanceOf(IllegalStateException.class);
    assertThat(recorded).hasSize(1);
  }

  @Test
  void aClockThatWentBackDoesNotSignACheckpointOlderThanTheLast() {
    log.add(3);
    watch.run();
    clock.now = T0.minusSeconds(30); // another instance's clock, or a step back
    log.add(200);

    watch.run();

    assertThat(recorded).hasSize(2);
    assertThat(recorded.get(1).signedAt()).isAfterOrEqualTo(recorded.get(0).signedAt());
  }

  @Test
  void nothingButCheckpointsSinceTheLastIsNoReasonToSign() {
    log.add(3);
    watch.run();
    byte[] checkpointLeaf = TreeHashes.leafHash("checkpoint".getBytes());
    log.frontier.add(
        checkpointLeaf, (height, index, hash) -> log.subtrees.put(height + "/" + index, hash));
    clock.now = T0.plusSeconds(60);

    assertThat(watch.run().signedSize()).isEmpty();
    assertThat(recorded).hasSize(1);
  }
}
