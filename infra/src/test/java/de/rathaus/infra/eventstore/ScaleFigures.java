package de.rathaus.infra.eventstore;

import static de.rathaus.infra.eventstore.EventStoreBenchmark.EVENTS_PER_AGGREGATE;
import static de.rathaus.infra.eventstore.EventStoreBenchmark.ROUNDS;
import static de.rathaus.infra.eventstore.EventStoreBenchmark.TARGET_AGGREGATES;
import static de.rathaus.infra.eventstore.EventStoreBenchmark.WARM_UP_ROUNDS;
import static de.rathaus.infra.eventstore.EventStoreBenchmark.figure;
import static de.rathaus.infra.eventstore.EventStoreBenchmark.median;

import de.rathaus.infra.eventstore.EventStoreBenchmark.NoOpProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * The event store's figures at a million events, measured only when {@code BENCH_ONLY} names {@code
 * scale_1m} (building the store takes minutes): {@code BENCH_ONLY=scale_1m ./mvnw -q -Pbench -pl
 * infra -am -DskipTests verify}. {@code BENCH_SCALE_EVENTS=n} builds a smaller large store, to try
 * the harness out; the figures keep their names.
 *
 * <ul>
 *   <li>{@code load_1m_vs_10k}: the load of a 20-event aggregate with a million events stored ÷
 *       with 10,000, on one server (two databases), alternating rounds (target ≤ 1.5);
 *   <li>{@code replay_rate_1m_vs_10k}: events per second of a processor with a no-op handler
 *       replaying the million ÷ replaying the 10,000 (median of three), target ≥ 0.67;
 *   <li>{@code idle_cpu_1m_vs_10k}: CPU of the engine's threads over 10 s with a caught-up
 *       processor, at a million ÷ at 10,000 (target ≤ 1.5);
 *   <li>disk bytes per stored event, printed: the million small events; and 20,000 events with
 *       personal data, stored plain and encrypted (each on a server of its own, measured after it
 *       closed), with {@code disk_bytes_encrypted_vs_plain}.
 * </ul>
 */
final class ScaleFigures {

  private static final int SMALL_EVENTS = 10_000;
  private static final int PERSONAL_EVENTS = 20_000;
  private static final int REPLAYS_OF_THE_SMALL_STORE = 3;

  private ScaleFigures() {}

  static void measure() throws Exception {
    Path dir = Files.createTempDirectory("rathaus-bench-scale");
    try {
      storeFigures(dir.resolve("store"), largeEvents());
      personalDiskFigures(dir);
    } finally {
      EventStoreBenchmark.deleteTree(dir);
    }
  }

  private static int largeEvents() {
    String configured = System.getenv("BENCH_SCALE_EVENTS");
    int events =
        configured == null || configured.isBlank() ? 1_000_000 : Integer.parseInt(configured);
    if (events <= SMALL_EVENTS) {
      throw new IllegalArgumentException("BENCH_SCALE_EVENTS must be above " + SMALL_EVENTS);
    }
    return events;
  }

  private static void storeFigures(Path storeDir, int largeEvents) throws Exception {
    int smallAggregates = SMALL_EVENTS / EVENTS_PER_AGGREGATE;
    int largeAggregates = largeEvents / EVENTS_PER_AGGREGATE;
    long smallTotal = (long) smallAggregates * EVENTS_PER_AGGREGATE;
    long largeTotal = (long) largeAggregates * EVENTS_PER_AGGREGATE;
    try (EmbeddedStoreFixture fixture = new EmbeddedStoreFixture(storeDir)) {
      MongoEventStorageEngine small = fixture.build("small");
      MongoEventStorageEngine large = fixture.build("large");
      EmbeddedEventStore smallStore = EmbeddedEventStore.builder().storageEngine(small).build();
      EmbeddedEventStore largeStore = EmbeddedEventStore.builder().storageEngine(large).build();
      long t0 = System.nanoTime();
      for (MongoEventStorageEngine engine : java.util.List.of(small, large)) {
        EventStoreBenchmark.fill(engine, "target-", TARGET_AGGREGATES);
      }
      EventStoreBenchmark.fill(small, "filler-", smallAggregates - TARGET_AGGREGATES);
      EventStoreBenchmark.fill(large, "filler-", largeAggregates - TARGET_AGGREGATES);
      System.out.printf(
          Locale.ROOT,
          "scale: %d and %d events stored in %.1f s%n",
          smallTotal,
          largeTotal,
          (System.nanoTime() - t0) / 1e9);

      double[] smallLoads = new double[ROUNDS * 2];
      double[] largeLoads = new double[ROUNDS * 2];
      for (int round = 0; round < ROUNDS * 2 + WARM_UP_ROUNDS; round++) {
        double s;
        double l;
        if (round % 2 == 0) {
          s = EventStoreBenchmark.loadMillis(smallStore);
          l = EventStoreBenchmark.loadMillis(largeStore);
        } else {
          l = EventStoreBenchmark.loadMillis(largeStore);
          s = EventStoreBenchmark.loadMillis(smallStore);
        }
        if (round >= WARM_UP_ROUNDS) {
          smallLoads[round - WARM_UP_ROUNDS] = s;
          largeLoads[round - WARM_UP_ROUNDS] = l;
        }
      }

      double[] smallReplays = new double[REPLAYS_OF_THE_SMALL_STORE];
      double idleSmall = 0;
      for (int i = 0; i < REPLAYS_OF_THE_SMALL_STORE; i++) {
        long start = System.nanoTime();
        NoOpProcessor processor = NoOpProcessor.start(fixture, smallStore, "replay-small-" + i);
        processor.awaitCount(smallTotal);
        smallReplays[i] = smallTotal / ((System.nanoTime() - start) / 1e9);
        if (i == REPLAYS_OF_THE_SMALL_STORE - 1) {
          idleSmall = EventStoreBenchmark.idleCpuMillis();
        }
        processor.stop();
      }
      long start = System.nanoTime();
      NoOpProcessor processor = NoOpProcessor.start(fixture, largeStore, "replay-large");
      processor.awaitCount(largeTotal);
      double largeReplay = largeTotal / ((System.nanoTime() - start) / 1e9);
      double idleLarge = EventStoreBenchmark.idleCpuMillis();
      processor.stop();

      System.out.printf(
          Locale.ROOT,
          "scale: load of a 20-event aggregate %.3f ms at 10k, %.3f ms at %d; replay %.0f events/s"
              + " at 10k (median of %d), %.0f events/s at %d; idle CPU over 10 s %.0f ms at 10k,"
              + " %.0f ms at %d%n",
          median(smallLoads),
          median(largeLoads),
          largeTotal,
          median(smallReplays),
          REPLAYS_OF_THE_SMALL_STORE,
          largeReplay,
          largeTotal,
          idleSmall,
          idleLarge,
          largeTotal);
      figure("load_1m_vs_10k", median(largeLoads) / median(smallLoads));
      figure("replay_rate_1m_vs_10k", largeReplay / median(smallReplays));
      figure("idle_cpu_1m_vs_10k", idleLarge / Math.max(idleSmall, 1));
      smallStore.shutDown();
      largeStore.shutDown();
    }
    System.out.printf(
        Locale.ROOT,
        "scale: disk bytes per stored event (20-event aggregates of small events, both stores,"
            + " after the server closed): %.1f%n",
        (double) sizeOf(storeDir) / (smallTotal + largeTotal));
  }

  /** Events with personal data, one per commit, plain and encrypted, each on its own server. */
  private static void personalDiskFigures(Path dir) throws Exception {
    Path plainDir = dir.resolve("personal-plain");
    try (EmbeddedStoreFixture fixture = new EmbeddedStoreFixture(plainDir)) {
      appendPersonal(fixture.build("personal"));
    }
    Path encryptedDir = dir.resolve("personal-encrypted");
    Path keysDir = dir.resolve("personal-keys");
    Files.createDirectories(keysDir);
    try (EmbeddedStoreFixture fixture = new EmbeddedStoreFixture(encryptedDir)) {
      appendPersonal(EventStoreBenchmark.encryptingEngine(fixture, keysDir, "personal"));
    }
    double plain = (double) sizeOf(plainDir) / PERSONAL_EVENTS;
    double encrypted = (double) sizeOf(encryptedDir) / PERSONAL_EVENTS;
    System.out.printf(
        Locale.ROOT,
        "scale: disk bytes per stored event with personal data (%d, one per commit): plain %.1f,"
            + " encrypted %.1f (the subjects' keys, kept apart, not counted)%n",
        PERSONAL_EVENTS,
        plain,
        encrypted);
    figure("disk_bytes_encrypted_vs_plain", encrypted / plain);
  }

  private static void appendPersonal(MongoEventStorageEngine engine) {
    EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    for (int from = 0; from < PERSONAL_EVENTS; from += 1_000) {
      EventStoreBenchmark.personalAppends(store, "disk", from, 1_000);
    }
    store.shutDown();
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .mapToLong(
              path -> {
                try {
                  return Files.size(path);
                } catch (IOException e) {
                  return 0; // removed meanwhile
                }
              })
          .sum();
    }
  }
}
