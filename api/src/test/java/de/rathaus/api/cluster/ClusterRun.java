package de.rathaus.api.cluster;

import de.rathaus.api.cluster.ClusterLoad.Latencies;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The long cluster runs, not tests: {@code ./mvnw -q -o -Pcluster-long -pl api -am -DskipTests
 * verify} (10,000 commands on 100 hot cases from two instances at once, 20 {@code kill -9} of one
 * instance at random moments, then every check of {@link ClusterCheck}) and {@code -Psoak} (15
 * minutes at 60 % of the measured maximum on two instances, p50/p99 per minute). Both print {@code
 * figure <name> <value>} lines and exit 1 when a check fails. Sizes by system properties: {@code
 * cluster.commands}, {@code cluster.kills}, {@code cluster.minutes}.
 */
public final class ClusterRun {

  /** JVM options of every instance in the CI test: the client compiler only, a small heap. */
  static final List<String> FAST_START = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

  private static final List<String> FULL = List.of("-Xmx768m");

  private ClusterRun() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "long";
    int status;
    try {
      status = mode.equals("soak") ? soak() : longRun();
    } catch (Throwable failed) {
      failed.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  /**
   * Kills one instance with SIGKILL (the one holding the most segments if {@code holder}, else a
   * random one), starts it again at once, and answers how long until none of its segments was
   * claimed by it any more ({@code null}: it held none).
   */
  static Duration killAndRestart(Cluster cluster, TokenClaims claims, boolean holder)
      throws Exception {
    return killAndRestart(cluster, claims, holder, null);
  }

  /**
   * As {@link #killAndRestart(Cluster, TokenClaims, boolean)}, the instance started again with its
   * wall clock moved by {@code clockOffset} ({@code RATHAUS_CLOCK_OFFSET}, e.g. {@code PT30S};
   * {@code null}: the true time): a clock stepped while the instance was down.
   */
  static Duration killAndRestart(
      Cluster cluster, TokenClaims claims, boolean holder, String clockOffset) throws Exception {
    return killAndRestart(cluster, claims, holder, clockOffset, true);
  }

  /**
   * As {@link #killAndRestart(Cluster, TokenClaims, boolean, String)}; waiting, after the takeover,
   * until the instance is ready ({@code awaitReady}) or only until it serves HTTP.
   */
  static Duration killAndRestart(
      Cluster cluster, TokenClaims claims, boolean holder, String clockOffset, boolean awaitReady)
      throws Exception {
    Map<Long, Integer> held = claims.segmentsByPid();
    Cluster.Engine victim =
        cluster.engine(ThreadLocalRandom.current().nextInt(cluster.engines().size()));
    if (holder) {
      for (Cluster.Engine engine : cluster.engines()) {
        if (held.getOrDefault(engine.pid(), 0) > held.getOrDefault(victim.pid(), 0)) {
          victim = engine;
        }
      }
    }
    long pid = victim.pid();
    boolean heldAny = held.getOrDefault(pid, 0) > 0;
    long killedAt = System.nanoTime();
    victim.kill();
    victim.set("RATHAUS_CLOCK_OFFSET", clockOffset);
    victim.start();
    Duration takeover = heldAny ? claims.awaitTakeover(pid, killedAt, Duration.ofMinutes(2)) : null;
    System.out.printf(
        Locale.ROOT,
        "killed %s (pid %d, %d segments): taken over after %s; started again, clock offset %s%n",
        victim,
        pid,
        held.getOrDefault(pid, 0),
        takeover,
        clockOffset == null ? "none" : clockOffset);
    if (awaitReady) {
      victim.awaitReady();
    } else {
      victim.awaitServing();
    }
    if (heldAny && takeover == null) {
      throw new IllegalStateException("segments of pid " + pid + " not taken over in 2 minutes");
    }
    return takeover;
  }

  private static int longRun() throws Exception {
    int commands = Integer.getInteger("cluster.commands", 10_000);
    int kills = Integer.getInteger("cluster.kills", 20);
    long began = System.nanoTime();
    try (Cluster cluster = Cluster.of(Cluster.logDirectory("cluster-long"), 2, FULL, Map.of());
        TokenClaims claims = startAndWatch(cluster)) {
      ClusterLoad load =
          new ClusterLoad(
              () -> cluster.engines().stream().map(Cluster.Engine::base).toList(),
              "long" + Long.toString(System.currentTimeMillis(), 36),
              Duration.ofSeconds(30));
      load.createHotCases(100, 8);
      List<Duration> takeovers = new ArrayList<>();
      // The load in kills + 1 parts, each as fast as 16 threads go; each kill at a random moment
      // while a part runs, the restarted instance awaited only until it serves HTTP, as in the
      // short run. In one piece, the load was over after 5 of the 20 kills (each kill waits for
      // its takeover, 12-26 s), and 15 kills met an idle cluster.
      int parts = kills + 1;
      int perPart = (commands - 100) / parts;
      int killsDuringTheLoad = 0;
      for (int part = 0; part < parts; part++) {
        int count = part == parts - 1 ? commands - 100 - perPart * (parts - 1) : perPart;
        CompletableFuture<Void> running =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    load.run(count, 16, 0.05, 0);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        if (part < kills) {
          TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(300, 3_000));
          if (!running.isDone()) {
            killsDuringTheLoad++;
          }
          Duration t = killAndRestart(cluster, claims, part % 2 == 0, null, false);
          if (t != null) {
            takeovers.add(t);
          }
        }
        running.join();
      }
      System.out.println("figure kills_during_the_load " + killsDuringTheLoad + " of " + kills);
      for (Cluster.Engine engine : cluster.engines()) {
        engine.awaitReady();
      }
      // past the two minutes after which a dead attempt's Idempotency-Key is taken over
      load.resolve(Duration.ofMinutes(3), () -> 0);
      ClusterCheck check = ClusterCheck.of(load, bases(cluster), Duration.ofMinutes(2), true);
      check.figures.forEach(
          (k, v) -> System.out.println("figure " + k.replace(' ', '_') + " " + v));
      System.out.println(
          "figure takeovers_s " + takeovers.stream().map(d -> d.toMillis() / 1000.0).toList());
      System.out.println(
          "figure takeover_max_s "
              + takeovers.stream().mapToLong(Duration::toMillis).max().orElse(0) / 1000.0);
      System.out.printf(Locale.ROOT, "figure long_run_s %.0f%n", (System.nanoTime() - began) / 1e9);
      check.findings.forEach(f -> System.out.println("FINDING " + f));
      return check.findings.isEmpty() ? 0 : 1;
    }
  }

  /**
   * The maximum: two minutes as fast as 16 threads go (notes on 100 cases); then {@code
   * cluster.minutes} (15) at 60 % of it, an open load, p50/p99 per minute and the instances' heap
   * after GC and CPU per minute (from {@code ps}: their JVMs are other processes).
   */
  private static int soak() throws Exception {
    int minutes = Integer.getInteger("cluster.minutes", 15);
    try (Cluster cluster = Cluster.of(Cluster.logDirectory("cluster-soak"), 2, FULL, Map.of());
        TokenClaims claims = startAndWatch(cluster)) {
      ClusterLoad probe =
          new ClusterLoad(
              () -> cluster.engines().stream().map(Cluster.Engine::base).toList(),
              "max",
              Duration.ofSeconds(30));
      probe.createHotCases(100, 8);
      long t0 = System.nanoTime();
      probe.run(2_000, 16, 0.05, 0);
      double max = 2_000 / ((System.nanoTime() - t0) / 1e9);
      double rate = 0.6 * max;
      System.out.printf(Locale.ROOT, "figure cluster_max_commands_per_s %.1f%n", max);
      // the same load and ledger go on, so the check knows the probe's commands too (with a load
      // of its own, the check found each of the probe's notes "sent by no one"); the minutes start
      // again
      ClusterLoad soak = probe;
      soak.latencies = new ClusterLoad.Latencies();
      CompletableFuture<Void> monitor = CompletableFuture.runAsync(() -> monitor(cluster, minutes));
      soak.run((int) (rate * 60 * minutes), 32, 0.05, (long) (1e9 / rate));
      monitor.join();
      soak.latencies
          .byMinute()
          .forEach(
              (minute, values) ->
                  System.out.printf(
                      Locale.ROOT,
                      "minute %d: %d commands, p50 %.0f ms, p99 %.0f ms%n",
                      minute,
                      values.size(),
                      Latencies.percentileMillis(values, 50),
                      Latencies.percentileMillis(values, 99)));
      ClusterCheck check = ClusterCheck.of(soak, bases(cluster), Duration.ofMinutes(2), false);
      check.findings.forEach(f -> System.out.println("FINDING " + f));
      return check.findings.isEmpty() ? 0 : 1;
    }
  }

  /**
   * Once a minute: each instance's heap after a full GC ({@code jcmd GC.run}, then GC.heap_info)
   * and CPU.
   */
  private static void monitor(Cluster cluster, int minutes) {
    try {
      for (int m = 0; m < minutes; m++) {
        TimeUnit.MINUTES.sleep(1);
        for (Cluster.Engine engine : cluster.engines()) {
          long pid = engine.pid();
          run("jcmd", Long.toString(pid), "GC.run");
          String heap =
              run("jcmd", Long.toString(pid), "GC.heap_info")
                  .lines()
                  .filter(l -> l.contains("used"))
                  .findFirst()
                  .orElse("?")
                  .trim();
          String cpu = run("ps", "-o", "cputime=", "-p", Long.toString(pid)).trim();
          System.out.printf(
              Locale.ROOT, "minute %d %s: heap after GC %s; cpu time %s%n", m, engine, heap, cpu);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  private static TokenClaims startAndWatch(Cluster cluster) throws Exception {
    cluster.start();
    System.out.println(
        "runtime "
            + ManagementFactory.getRuntimeMXBean().getVmVersion()
            + ", logs in "
            + cluster.directory());
    return new TokenClaims(cluster.store().uri());
  }

  private static List<String> bases(Cluster cluster) {
    return cluster.engines().stream().map(Cluster.Engine::base).toList();
  }
}
