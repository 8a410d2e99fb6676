package de.rathaus.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The short version of the cluster runs ({@link ClusterIT} on its own, {@link ClusterRun}'s long
 * run and soak): two engine processes of the packaged jar on one standalone store, a few hundred
 * commands through HTTP to both at once, and meanwhile three {@code kill -9} of one instance at
 * random moments, each started again at once, the first two with their clock stepped (30 s ahead,
 * 30 s behind). The next kill comes once the dead instance's segments are taken over and the
 * restarted one serves HTTP, not once it is ready: the load goes to both instances whatever their
 * readiness (no load balancer between), and a restarted instance may be killed again, or see the
 * other killed, while its read models still catch up. Then every check of {@link ClusterCheck}:
 * nothing acknowledged lost or doubled, every aggregate's sequence without a gap, case numbers
 * unique, the read model equal to a recount of the history, read-your-writes through the instance
 * that took each command, a retry with the same {@code Idempotency-Key} on the other instance
 * answered as a replay, one log of checkpoints; and the dead instance's segments taken over within
 * {@link ClusterIT#TAKEOVER_BOUND}, none taken from a live one.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterShortIT {

  /**
   * A killed instance leaves the rest of its block of positions open; the audit trail, read to its
   * head by the check, ends its pages there until processors give those positions up after the gap
   * timeout. 60 s by default; twice the 10 s lease here, so that the check after the last kill does
   * not wait a minute (an operator may set the same).
   */
  private static final String GAP_TIMEOUT = "20s";

  private static final String[] CLOCK_AFTER_KILL = {"PT30S", "-PT30S", null};

  @Test
  void threeKillsDuringAFewHundredCommandsLoseAndDoubleNothing() throws Exception {
    long began = System.nanoTime();
    try (Cluster cluster =
            Cluster.of(
                    Cluster.logDirectory("cluster-short"),
                    2,
                    ClusterRun.FAST_START,
                    Map.of("RATHAUS_EVENTSTORE_GAPTIMEOUT", GAP_TIMEOUT))
                .start();
        TokenClaims claims = new TokenClaims(cluster.store().uri());
        TokenClaims.Watch steals =
            claims.watch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))) {
      Duration started = since(began);
      ClusterLoad load =
          new ClusterLoad(
              () -> cluster.engines().stream().map(Cluster.Engine::base).toList(),
              "short" + Long.toString(System.currentTimeMillis(), 36),
              Duration.ofSeconds(30));
      load.createHotCases(10, 8);

      List<Duration> takeovers = new ArrayList<>();
      CompletableFuture<Void> faults =
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (int kill = 0; kill < CLOCK_AFTER_KILL.length; kill++) {
                    TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(500, 3_000));
                    Duration takeover =
                        ClusterRun.killAndRestart(
                            cluster, claims, kill == 0, CLOCK_AFTER_KILL[kill], false);
                    if (takeover != null) {
                      takeovers.add(takeover);
                    }
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      load.run(200, 8, 0.2, 0);
      while (!faults.isDone()) {
        load.run(10, 8, 0.2, 0);
      }
      faults.join();
      load.resolve(Duration.ofSeconds(30), () -> 0);
      Duration loaded = since(began);
      System.out.println("cluster-short: started in " + started + ", load done at " + loaded);

      ClusterCheck check = ClusterCheck.of(load, bases(cluster), Duration.ofSeconds(60), true);
      check.figures.put("takeovers", takeovers);
      check.figures.put("segment handovers", steals.handovers);
      check.figures.put("segments taken from a live instance", steals.stolen);
      check.figures.put(
          "claims watch: longest between looks", Duration.ofNanos(steals.longestBetweenLooks));
      check.figures.put("durations", Map.of("start", started, "load", loaded, "all", since(began)));
      System.out.println("cluster-short " + check.figures);

      assertThat(steals.stolen).as("segments taken from a live instance").isEmpty();
      assertThat(check.findings).isEmpty();
      assertThat(load.readYourWritesChecked.get()).isGreaterThanOrEqualTo(200);
      assertThat(load.replaysChecked.get()).isPositive();
      assertThat(takeovers).as("kills of an instance that held segments").isNotEmpty();
      assertThat(takeovers)
          .allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(ClusterIT.TAKEOVER_BOUND));
    }
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  private static List<String> bases(Cluster cluster) {
    return cluster.engines().stream().map(Cluster.Engine::base).toList();
  }
}
