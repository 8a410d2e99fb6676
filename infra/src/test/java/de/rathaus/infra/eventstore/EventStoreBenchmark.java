package de.rathaus.infra.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.infra.eventstore.peer.AxonJdbcPeer;
import de.rathaus.infra.eventstore.peer.AxonMongoPeer;
import de.rathaus.infra.eventstore.peer.PostgresServer;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.privacy.CachingSubjectKeyStore;
import de.rathaus.infra.privacy.FileSubjectKeyStore;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.privacy.SubjectKeyStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * The event store benchmark: {@code ./mvnw -q -Pbench -pl infra -am -DskipTests verify}. Not a
 * test. Every figure is a ratio of two measurements taken side by side in this run on the same
 * embedded server, because the machines are shared and noisy; each side is measured in alternating
 * rounds and the median is kept. Ends with one line per figure: {@code figure <name> <value>}.
 */
public final class EventStoreBenchmark {

  static final int ROUNDS = 3;
  static final int WARM_UP_ROUNDS = 2;
  static final int TARGET_AGGREGATES = 200;
  static final int EVENTS_PER_AGGREGATE = 20;
  private static final List<String> figures = new ArrayList<>();

  private EventStoreBenchmark() {}

  public static void main(String[] args) {
    try {
      measure();
    } catch (Throwable e) {
      // a figure that failed must not leave the JVM running on a processor's threads
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void measure() throws Exception {
    long started = System.nanoTime();
    if (runs("append_vs_raw")) {
      appendFigures();
    }
    if (runs("append_encrypted_vs_plain")) {
      encryptedAppendFigure();
    }
    if (runs("load_200k_vs_10k")
        || runs("replay_vs_raw")
        || runs("idle_cpu_200k_vs_10k")
        || runs("asof_case_200k_vs_10k")) {
      sizeFigures();
    }
    if (runs("verify_vs_raw")) {
      verifyFigure();
    }
    if (runs("seal_overhead")) {
      sealOverheadFigure();
    }
    // only when named: they start a PostgreSQL and take 1.5 minutes (quiet machine) to 4 (loaded)
    if (named("append_vs_axon_jdbc")
        || named("load_vs_axon_jdbc")
        || named("replay_vs_axon_jdbc")) {
      peerFigures();
    }
    // only when named: building a million events takes minutes (ScaleFigures)
    if (named("scale_1m")) {
      ScaleFigures.measure();
    }
    // only when named too: the stock engine's loads and replays at 200,000 events take minutes
    if (named("load_200k_vs_axon_mongo") || named("replay_vs_axon_mongo")) {
      stockMongoFigures();
    }
    System.out.printf(Locale.ROOT, "benchmark took %.0f s%n", (System.nanoTime() - started) / 1e9);
    figures.forEach(System.out::println);
  }

  /**
   * Whether the figure (or a group of figures, by prefix) is to be measured: all of them, unless
   * the system property {@code bench.only} or the environment variable {@code BENCH_ONLY} names
   * some, comma-separated. The benchmark runs in a JVM of its own, so a {@code -D} given to Maven
   * does not reach it; {@code BENCH_ONLY=append_encrypted_vs_plain ./mvnw -q -Pbench -pl infra -am
   * -DskipTests verify} does.
   */
  private static boolean runs(String figure) {
    String only = System.getProperty("bench.only", System.getenv("BENCH_ONLY"));
    return only == null || only.isBlank() || named(figure);
  }

  /**
   * Whether {@code bench.only} or {@code BENCH_ONLY} names the figure (or a group of figures, by
   * prefix): the figures against Axon's JDBC engine on PostgreSQL are measured only when named.
   */
  private static boolean named(String figure) {
    String only = System.getProperty("bench.only", System.getenv("BENCH_ONLY"));
    if (only == null || only.isBlank()) {
      return false;
    }
    for (String name : only.split(",")) {
      String wanted = name.trim();
      if (!wanted.isEmpty() && (figure.startsWith(wanted) || wanted.startsWith(figure))) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ appends

  private static void appendFigures() throws Exception {
    Path dir = Files.createTempDirectory("rathaus-bench-append");
    try (EmbeddedStoreFixture fixture = new EmbeddedStoreFixture(dir)) {
      MongoEventStorageEngine engine = fixture.build();
      EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
      MongoCollection<BsonDocument> raw = rawCollection(fixture);
      EventDocuments documents = new EventDocuments(fixture.serializer);
      AtomicLong rawPosition = new AtomicLong();
      for (int k : new int[] {1, 10}) {
        int events = k == 1 ? 3_000 : 6_000;
        double[] axon = new double[ROUNDS];
        double[] plain = new double[ROUNDS];
        for (int round = 0; round < ROUNDS + WARM_UP_ROUNDS; round++) {
          String prefix = "k" + k + "-r" + round + "-";
          long t0 = System.nanoTime();
          for (int i = 0; i < events / k; i++) {
            store.publish(aggregateEvents(prefix + i, 0, k));
          }
          double axonRate = events / ((System.nanoTime() - t0) / 1e9);
          t0 = System.nanoTime();
          for (int i = 0; i < events / k; i++) {
            List<BsonDocument> batch = new ArrayList<>(k);
            for (DomainEventMessage<?> event : aggregateEvents("raw-" + prefix + i, 0, k)) {
              batch.add(
                  documents.toDocument(
                      event, rawPosition.incrementAndGet(), System.currentTimeMillis()));
            }
            raw.insertMany(batch, new InsertManyOptions().ordered(true));
          }
          double rawRate = events / ((System.nanoTime() - t0) / 1e9);
          if (round >= WARM_UP_ROUNDS) {
            axon[round - WARM_UP_ROUNDS] = axonRate;
            plain[round - WARM_UP_ROUNDS] = rawRate;
          }
        }
        System.out.printf(
            Locale.ROOT,
            "append k=%d: engine %.0f events/s (durable), raw insertMany %.0f events/s%n",
            k,
            median(axon),
            median(plain));
        figure("append_vs_raw_k" + k, median(axon) / median(plain));
      }
      store.shutDown();
    }
  }

  private static MongoCollection<BsonDocument> rawCollection(EmbeddedStoreFixture fixture) {
    MongoCollection<BsonDocument> raw =
        fixture.database.getCollection("raw_events", BsonDocument.class);
    raw.createIndex(
        Indexes.ascending(EventDocuments.GLOBAL_INDEX), new IndexOptions().unique(true));
    raw.createIndex(Indexes.ascending(EventDocuments.EVENT_ID), new IndexOptions().unique(true));
    return raw;
  }

  // ------------------------------------------------------------------ personal data

  /** An event with personal data of one citizen: four texts and a map of form values. */
  record Applied(
      String requestId,
      @DataSubject String citizen,
      @PersonalData String name,
      @PersonalData String email,
      @PersonalData String address,
      @PersonalData String phone,
      @PersonalData Map<String, Object> form,
      String serviceCode,
      int copies) {}

  /**
   * Appends of events carrying personal data, by an engine whose event serializer encrypts it and
   * by the same engine with a plain serializer, on one server (two databases), in alternating
   * rounds. The citizens' keys exist after the warm-up rounds, as they do for returning citizens.
   */
  private static void encryptedAppendFigure() throws Exception {
    Path dir = Files.createTempDirectory("rathaus-bench-personal");
    try (EmbeddedStoreFixture fixture = new EmbeddedStoreFixture(dir)) {
      ObjectMapper application = fixture.serializer.getObjectMapper();
      SubjectKeyStore keys =
          new CachingSubjectKeyStore(
              FileSubjectKeyStore.in(dir.resolve("keys")), Duration.ofSeconds(60));
      JacksonSerializer encrypting =
          JacksonSerializer.builder()
              .objectMapper(ProtectedJson.of(application, keys).mapper())
              .build();
      MongoEventStorageEngine plainEngine =
          fixture.engine().database(fixture.client.getDatabase("plain")).build();
      MongoEventStorageEngine encryptedEngine =
          fixture
              .engine()
              .database(fixture.client.getDatabase("encrypted"))
              .eventSerializer(encrypting)
              .build();
      plainEngine.ensureIndexes();
      encryptedEngine.ensureIndexes();
      EmbeddedEventStore plainStore =
          EmbeddedEventStore.builder().storageEngine(plainEngine).build();
      EmbeddedEventStore encryptedStore =
          EmbeddedEventStore.builder().storageEngine(encryptedEngine).build();
      // The two sides take turns every 50 events, and each pair of turns gives one ratio: both
      // sides of a pair meet the same load of the shared machine and mostly the same checkpoints
      // of the embedded server. A round's figure is the median of its pairs.
      int events = 3_000;
      int chunk = 50;
      double[] plain = new double[ROUNDS];
      double[] encrypted = new double[ROUNDS];
      double[] ratios = new double[ROUNDS];
      for (int round = 0; round < ROUNDS + WARM_UP_ROUNDS; round++) {
        long plainNanos = 0;
        long encryptedNanos = 0;
        double[] pairs = new double[events / chunk];
        for (int from = 0; from < events; from += chunk) {
          String prefix = "r" + round + "-" + from;
          long p;
          long e;
          if ((from / chunk) % 2 == 0) {
            p = personalAppends(plainStore, prefix, from, chunk);
            e = personalAppends(encryptedStore, prefix, from, chunk);
          } else {
            e = personalAppends(encryptedStore, prefix, from, chunk);
            p = personalAppends(plainStore, prefix, from, chunk);
          }
          pairs[from / chunk] = (double) p / e;
          plainNanos += p;
          encryptedNanos += e;
        }
        if (round >= WARM_UP_ROUNDS) {
          plain[round - WARM_UP_ROUNDS] = events / (plainNanos / 1e9);
          encrypted[round - WARM_UP_ROUNDS] = events / (encryptedNanos / 1e9);
          ratios[round - WARM_UP_ROUNDS] = median(pairs);
        }
      }
      Document stored =
          fixture.client.getDatabase("encrypted").getCollection("events").find().first();
      if (stored == null || stored.toJson().contains("Beispielstra")) {
        throw new IllegalStateException("personal data was not encrypted");
      }
      System.out.printf(
          Locale.ROOT,
          "append with personal data, one event per commit: encrypted %.0f events/s, plain %.0f"
              + " events/s; median ratio of paired turns per round %s%n",
          median(encrypted),
          median(plain),
          Arrays.toString(ratios));
      System.out.printf(
          Locale.ROOT,
          "bytes per stored event (BSON, the whole document): encrypted %.1f, plain %.1f%n",
          bytesPerEvent(fixture.client.getDatabase("encrypted")),
          bytesPerEvent(fixture.client.getDatabase("plain")));
      figure("append_encrypted_vs_plain", median(ratios));
      plainStore.shutDown();
      encryptedStore.shutDown();
    }
  }

  /** The mean size of the stored events' documents, in bytes of BSON. */
  private static double bytesPerEvent(com.mongodb.client.MongoDatabase database) {
    long bytes = 0;
    long count = 0;
    for (org.bson.RawBsonDocument document :
        database.getCollection("events", org.bson.RawBsonDocument.class).find()) {
      bytes += document.getByteBuffer().remaining();
      count++;
    }
    return count == 0 ? 0 : (double) bytes / count;
  }

  /** Nanoseconds to append events {@code from} to {@code from + count}, one per commit. */
  static long personalAppends(EmbeddedEventStore store, String prefix, int from, int count) {
    List<DomainEventMessage<?>> batch = new ArrayList<>(count);
    for (int i = from; i < from + count; i++) {
      int citizen = i % 500;
      Map<String, Object> form = new LinkedHashMap<>();
      form.put("purpose", "Nachweis für den Arbeitgeber Nummer " + i);
      form.put("previous_address", "Alte Gasse " + citizen + ", 74072 Heilbronn");
      form.put("delivery", "post");
      form.put("copies", 2);
      batch.add(
          new GenericDomainEventMessage<>(
              "ServiceRequest",
              prefix + "-" + i,
              0,
              new Applied(
                  prefix + "-" + i,
                  "citizen-" + citizen,
                  "Anna Beispiel " + citizen,
                  "anna." + citizen + "@example.org",
                  "Beispielstraße " + citizen + ", 74072 Heilbronn",
                  "+49 7131 " + (100_000 + citizen),
                  form,
                  "meldebescheinigung",
                  1),
              MetaData.with("actorId", "citizen-" + citizen).and("correlationId", prefix + i)));
    }
    long t0 = System.nanoTime();
    for (DomainEventMessage<?> event : batch) {
      store.publish(event);
    }
    return System.nanoTime() - t0;
  }

  // ------------------------------------------------------------------ the sealed history

  private static final int SEALED_EVENTS = 20_000;

  /** An engine on its own database of the fixture's server whose serializer encrypts. */
  static MongoEventStorageEngine encryptingEngine(
      EmbeddedStoreFixture fixture, Path dir, String database) {
    SubjectKeyStore keys =
        new CachingSubjectKeyStore(
            FileSubjectKeyStore.in(dir.resolve("keys-" + database)), Duration.ofSeconds(60));
    JacksonSerializer encrypting =
        JacksonSerializer.builder()
            .objectMapper(ProtectedJson.of(fixture.serializer.getObjectMapper(), keys).mapper())
            .build();
    MongoEventStorageEngine engine =
        fixture
            .engine()
            .database(fixture.client.getDatabase(database))
            .eventSerializer(encrypting)
            .build();
    engine.ensureIndexes();
    return engine;
  }

  /** Seals until nothing more can be sealed; the sealed size. */
  private static long sealAll(de.rathaus.infra.transparency.MongoHistoryLog log) {
    long size = -1;
    while (true) {
      long now = log.seal().size();
      if (now == size) {
        return size;
      }
      size = now;
    }
  }

  /**
   * {@code verify_vs_raw}: events/s of a full verification of 20,000 sealed events with personal
   * data (encrypted, one event per commit) ÷ events/s of a raw read of the same documents by the
   * same {@code $in} windows of positions (512, in queries of {@value
   * PositionLookup#MAX_KEYS_PER_QUERY} keys) plus SHA-256 of each document's BSON bytes, in
   * alternating rounds.
   */
  private static void verifyFigure() throws Exception {
    Path dir = Files.createTempDirectory("rathaus-bench-verify");
    try (EmbeddedStoreFixture fixture = new EmbeddedStoreFixture(dir)) {
      MongoEventStorageEngine engine = encryptingEngine(fixture, dir, "sealed");
      EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
      long t0 = System.nanoTime();
      personalAppends(store, "verify", 0, SEALED_EVENTS);
      double appendSeconds = (System.nanoTime() - t0) / 1e9;
      de.rathaus.infra.transparency.MongoHistoryLog log =
          new de.rathaus.infra.transparency.MongoHistoryLog(
              fixture.client.getDatabase("sealed"), engine.reader(), engine::giveUpAbandoned);
      t0 = System.nanoTime();
      long size = sealAll(log);
      double sealSeconds = (System.nanoTime() - t0) / 1e9;
      if (size < SEALED_EVENTS) {
        throw new IllegalStateException("sealed only " + size + " of " + SEALED_EVENTS);
      }
      byte[] root = log.root(size);
      MongoCollection<org.bson.RawBsonDocument> raw =
          fixture
              .client
              .getDatabase("sealed")
              .getCollection("events", org.bson.RawBsonDocument.class);
      // each round measures both sides one right after the other (in alternating order) and gives
      // one ratio, so both meet the same load of the shared machine; the median ratio is kept
      int rounds = 7;
      double[] verifyRates = new double[rounds];
      double[] rawRates = new double[rounds];
      double[] ratios = new double[rounds];
      double[] cpuRatios = new double[rounds];
      for (int round = 0; round < rounds + WARM_UP_ROUNDS; round++) {
        double v;
        double r;
        long vCpu;
        long rCpu;
        if (round % 2 == 0) {
          long c0 = processCpuNanos();
          v = verifyRate(log, size, root);
          long c1 = processCpuNanos();
          r = rawHashRate(raw, size);
          vCpu = c1 - c0;
          rCpu = processCpuNanos() - c1;
        } else {
          long c0 = processCpuNanos();
          r = rawHashRate(raw, size);
          long c1 = processCpuNanos();
          v = verifyRate(log, size, root);
          rCpu = c1 - c0;
          vCpu = processCpuNanos() - c1;
        }
        if (round >= WARM_UP_ROUNDS) {
          verifyRates[round - WARM_UP_ROUNDS] = v;
          rawRates[round - WARM_UP_ROUNDS] = r;
          ratios[round - WARM_UP_ROUNDS] = v / r;
          cpuRatios[round - WARM_UP_ROUNDS] = (double) rCpu / vCpu;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "verification of %d sealed events: %.0f events/s; raw $in read + SHA-256 of the BSON"
              + " %.0f events/s (medians); ratios per round %s; per CPU second of the process"
              + " (raw CPU ÷ verification CPU) %.3f, per round %s; appended in %.1f s, sealed"
              + " from scratch in %.1f s (%.0f events/s)%n",
          size,
          median(verifyRates),
          median(rawRates),
          Arrays.toString(ratios),
          median(cpuRatios),
          Arrays.toString(cpuRatios),
          appendSeconds,
          sealSeconds,
          size / sealSeconds);
      figure("verify_vs_raw", median(ratios));
      store.shutDown();
    }
  }

  /**
   * CPU used by this process so far (the embedded server included), in ns: a companion of the
   * wall-clock rates that another engineer's build on the shared cores does not change.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double verifyRate(
      de.rathaus.infra.transparency.MongoHistoryLog log, long size, byte[] root) {
    long t0 = System.nanoTime();
    de.rathaus.application.transparency.HistoryLog.Verification result = log.verify(size, root);
    double rate = size / ((System.nanoTime() - t0) / 1e9);
    if (!result.valid()) {
      throw new IllegalStateException("the sealed history does not verify: " + result);
    }
    return rate;
  }

  private static double rawHashRate(MongoCollection<org.bson.RawBsonDocument> events, long size)
      throws Exception {
    long t0 = System.nanoTime();
    long n = 0;
    byte[] sink = new byte[32];
    for (long first = 1; first <= size; first += 512) {
      List<Long> window = PositionLookup.range(first, (int) Math.min(512, size - first + 1));
      for (int from = 0; from < window.size(); from += PositionLookup.MAX_KEYS_PER_QUERY) {
        List<Long> chunk =
            window.subList(from, Math.min(window.size(), from + PositionLookup.MAX_KEYS_PER_QUERY));
        for (org.bson.RawBsonDocument document :
            events.find(com.mongodb.client.model.Filters.in(EventDocuments.GLOBAL_INDEX, chunk))) {
          java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
          sha.update(document.getByteBuffer().asNIO());
          byte[] hash = sha.digest();
          sink[0] ^= hash[0];
          n++;
        }
      }
    }
    double rate = size / ((System.nanoTime() - t0) / 1e9);
    if (n != size || sink.length != 32) {
      throw new IllegalStateException("raw read " + n + " of " + size);
    }
    return rate;
  }

  /**
   * {@code seal_overhead}: events/s appended (personal data encrypted, one event per commit) on a
   * database whose history a thread seals every second, as the engine does, ÷ the same on a
   * database of the same server that nobody seals, in alternating rounds; the same again with a
   * seal every 200 ms (printed). A round's ratio is taken from its two sides; the median of the
   * rounds is kept.
   */
  private static void sealOverheadFigure() throws Exception {
    Path dir = Files.createTempDirectory("rathaus-bench-seal");
    try (EmbeddedStoreFixture fixture = new EmbeddedStoreFixture(dir)) {
      MongoEventStorageEngine sealedEngine = encryptingEngine(fixture, dir, "sealing");
      MongoEventStorageEngine plainEngine = encryptingEngine(fixture, dir, "unsealed");
      EmbeddedEventStore sealedStore =
          EmbeddedEventStore.builder().storageEngine(sealedEngine).build();
      EmbeddedEventStore plainStore =
          EmbeddedEventStore.builder().storageEngine(plainEngine).build();
      de.rathaus.infra.transparency.MongoHistoryLog log =
          new de.rathaus.infra.transparency.MongoHistoryLog(
              fixture.client.getDatabase("sealing"),
              sealedEngine.reader(),
              sealedEngine::giveUpAbandoned);
      // The sealer runs only while the sealed side appends: it starts with each of its rounds
      // (sealing at once what the end of the previous round left) and the round ends once the
      // seal under way is done, so every seal of that database is inside its rounds' time.
      int events = 4_000;
      int rounds = 7;
      for (long period : new long[] {1_000, 200}) {
        AtomicLong seals = new AtomicLong();
        AtomicLong sealNanos = new AtomicLong();
        double[] on = new double[rounds];
        double[] off = new double[rounds];
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        for (int round = 0; round < rounds + WARM_UP_ROUNDS; round++) {
          String prefix = "p" + period + "-r" + round;
          long s;
          long p;
          long sCpu;
          long pCpu;
          if (round % 2 == 0) {
            long c0 = processCpuNanos();
            s = sealedAppends(sealedStore, log, period, prefix, events, seals, sealNanos);
            long c1 = processCpuNanos();
            p = personalAppends(plainStore, prefix, 0, events);
            sCpu = c1 - c0;
            pCpu = processCpuNanos() - c1;
          } else {
            long c0 = processCpuNanos();
            p = personalAppends(plainStore, prefix, 0, events);
            long c1 = processCpuNanos();
            s = sealedAppends(sealedStore, log, period, prefix, events, seals, sealNanos);
            pCpu = c1 - c0;
            sCpu = processCpuNanos() - c1;
          }
          if (round >= WARM_UP_ROUNDS) {
            on[round - WARM_UP_ROUNDS] = events / (s / 1e9);
            off[round - WARM_UP_ROUNDS] = events / (p / 1e9);
            ratios[round - WARM_UP_ROUNDS] = (double) p / s;
            cpuRatios[round - WARM_UP_ROUNDS] = (double) pCpu / sCpu;
          }
        }
        long sealed = sealAll(log);
        System.out.printf(
            Locale.ROOT,
            "append with a seal every %d ms: %.0f events/s, without %.0f events/s (medians);"
                + " ratios per round %s; per CPU second of the process (CPU without ÷ CPU with)"
                + " %.3f, per round %s; %d seals, %.1f ms each on average; %d sealed%n",
            period,
            median(on),
            median(off),
            Arrays.toString(ratios),
            median(cpuRatios),
            Arrays.toString(cpuRatios),
            seals.get(),
            sealNanos.get() / 1e6 / Math.max(1, seals.get()),
            sealed);
        figure(period == 1_000 ? "seal_overhead" : "seal_overhead_200ms", median(ratios));
      }
      sealedStore.shutDown();
      plainStore.shutDown();
    }
  }

  /**
   * Nanoseconds to append {@code events} (one per commit) while a thread seals every {@code period}
   * ms, until the last seal begun is done.
   */
  private static long sealedAppends(
      EmbeddedEventStore store,
      de.rathaus.infra.transparency.MongoHistoryLog log,
      long period,
      String prefix,
      int events,
      AtomicLong seals,
      AtomicLong sealNanos)
      throws InterruptedException {
    java.util.concurrent.ScheduledExecutorService sealer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    sealer.scheduleWithFixedDelay(
        () -> {
          long s0 = System.nanoTime();
          log.seal();
          sealNanos.addAndGet(System.nanoTime() - s0);
          seals.incrementAndGet();
        },
        0,
        period,
        java.util.concurrent.TimeUnit.MILLISECONDS);
    long appending = personalAppends(store, prefix, 0, events);
    long s0 = System.nanoTime();
    sealer.shutdown();
    if (!sealer.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("a seal did not end");
    }
    // the events were built before the clock started; the wait for the last seal counts
    return appending + (System.nanoTime() - s0);
  }

  // ------------------------------------------------------------------ against Axon's JDBC engine

  /** Events in each store when loads and replays are measured: 20-event aggregates. */
  private static final int PEER_EVENTS = 20_000;

  /** Our engine on an embedded server of its own, its journal forced to the disk or not. */
  static final class OurStore implements AutoCloseable {
    final EmbeddedMongoServer server;
    final MongoClient client;
    final MongoEventStorageEngine engine;
    final EmbeddedEventStore store;

    OurStore(Path dir, boolean fsync, Serializer serializer) {
      this.server = EmbeddedMongoServer.start(dir, fsync);
      this.client = MongoClients.create(server.connectionString());
      this.engine =
          MongoEventStorageEngine.builder()
              .database(client.getDatabase("rathaus"))
              .eventSerializer(serializer)
              .snapshotSerializer(serializer)
              .build();
      engine.ensureIndexes();
      this.store = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    @Override
    public void close() {
      store.shutDown();
      client.close();
      server.close();
    }
  }

  /** One side of a comparison: its name and its event store. */
  record Side(String name, EmbeddedEventStore store) {}

  /** What one round measures on one side. */
  @FunctionalInterface
  interface Measurement {
    double on(Side side, int round) throws Exception;
  }

  /**
   * Each side measured once per round, the order of the sides turned by one every round, the
   * warm-up rounds dropped: {@code [side][round]}.
   */
  private static double[][] alternating(List<Side> sides, Measurement measurement)
      throws Exception {
    return alternating(sides, ROUNDS, WARM_UP_ROUNDS, measurement);
  }

  private static double[][] alternating(
      List<Side> sides, int rounds, int warmUpRounds, Measurement measurement) throws Exception {
    double[][] kept = new double[sides.size()][rounds];
    for (int round = 0; round < rounds + warmUpRounds; round++) {
      for (int turn = 0; turn < sides.size(); turn++) {
        int side = (turn + round) % sides.size();
        double value = measurement.on(sides.get(side), round);
        if (round >= warmUpRounds) {
          kept[side][round - warmUpRounds] = value;
        }
      }
    }
    return kept;
  }

  /**
   * {@code append_vs_axon_jdbc_k10}, {@code _k1}, {@code load_vs_axon_jdbc}, {@code
   * replay_vs_axon_jdbc}, each also {@code _fsync}: our engine on the embedded server (its journal
   * forced to the disk for the {@code _fsync} figures, as {@code RATHAUS_EMBEDDED_FSYNC=true} does)
   * ÷ Axon's own JDBC engine on a PostgreSQL of this machine with its defaults (every commit waits
   * for its WAL flush), the same events, in one run, in alternating rounds, medians.
   */
  private static void peerFigures() throws Exception {
    Optional<Path> postgres = PostgresServer.installation();
    if (postgres.isEmpty()) {
      System.out.println(
          "append_vs_axon_jdbc, load_vs_axon_jdbc, replay_vs_axon_jdbc skipped: PostgreSQL is not"
              + " installed (no /usr/lib/postgresql/*/bin/initdb); apt-get install postgresql");
      return;
    }
    JacksonSerializer serializer = EmbeddedStoreFixture.jsonSerializer();
    Path dir = Files.createTempDirectory("rathaus-bench-peer");
    try (PostgresServer server = PostgresServer.start(postgres.get());
        AxonJdbcPeer theirs = AxonJdbcPeer.on(server, serializer);
        OurStore plain = new OurStore(dir.resolve("plain"), false, serializer);
        OurStore forced = new OurStore(dir.resolve("fsync"), true, serializer)) {
      System.out.println("PostgreSQL " + server.describe());
      List<Side> sides =
          List.of(
              new Side("ours", plain.store),
              new Side("ours with fsync", forced.store),
              new Side("Axon JDBC on PostgreSQL", theirs.store));
      for (EventStorageEngine engine : List.of(plain.engine, forced.engine, theirs.engine)) {
        fill(engine, "target-", TARGET_AGGREGATES);
        fill(engine, "filler-a-", PEER_EVENTS / EVENTS_PER_AGGREGATE - TARGET_AGGREGATES);
      }
      if (runs("load_vs_axon_jdbc")) {
        double[][] loads = alternating(sides, (side, round) -> loadMillis(side.store()));
        peerFigure("load_vs_axon_jdbc", "load of a 20-event aggregate", "ms", sides, loads);
      }
      if (runs("replay_vs_axon_jdbc")) {
        double[][] replays =
            alternating(
                sides,
                (side, round) -> {
                  long t0 = System.nanoTime();
                  NoOpProcessor processor =
                      NoOpProcessor.start(
                          serializer,
                          side.store(),
                          "replay-" + round + "-" + side.name().replace(' ', '-'));
                  processor.awaitCount(PEER_EVENTS);
                  double rate = PEER_EVENTS / ((System.nanoTime() - t0) / 1e9);
                  processor.stop();
                  return rate;
                });
        peerFigure(
            "replay_vs_axon_jdbc",
            "replay of " + PEER_EVENTS + " events by a pooled processor (no-op handler)",
            "events/s",
            sides,
            replays);
      }
      if (runs("append_vs_axon_jdbc")) {
        for (int k : new int[] {10, 1}) {
          int events = k == 1 ? 3_000 : 6_000;
          double[][] appends =
              alternating(
                  sides,
                  (side, round) -> {
                    String prefix = "append-k" + k + "-r" + round + "-";
                    long t0 = System.nanoTime();
                    for (int i = 0; i < events / k; i++) {
                      side.store().publish(aggregateEvents(prefix + i, 0, k));
                    }
                    return events / ((System.nanoTime() - t0) / 1e9);
                  });
          peerFigure(
              "append_vs_axon_jdbc_k" + k,
              "append, " + k + (k == 1 ? " event" : " events") + " per commit",
              "events/s",
              sides,
              appends);
        }
      }
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Prints each side's median and rounds, and the figures: ours ÷ theirs without fsync, and with it
   * ({@code _fsync}).
   */
  private static void peerFigure(
      String name, String what, String unit, List<Side> sides, double[][] values) {
    StringBuilder line = new StringBuilder(what).append(':');
    for (int side = 0; side < sides.size(); side++) {
      line.append(
          String.format(
              Locale.ROOT,
              "%s %s %s %.3f (rounds %s)",
              side == 0 ? "" : ";",
              sides.get(side).name(),
              unit,
              median(values[side]),
              Arrays.toString(values[side])));
    }
    System.out.println(line);
    double theirs = median(values[2]);
    figure(name, median(values[0]) / theirs);
    figure(name + "_fsync", median(values[1]) / theirs);
  }

  // ------------------------------------------------------------------ against the stock Mongo
  // engine

  private static final int STOCK_LOADS_PER_ROUND = 4;
  private static final int STOCK_REPLAY_EVENTS = 10_000;
  private static final Duration STOCK_REPLAY_LIMIT = Duration.ofSeconds(30);

  /**
   * {@code load_200k_vs_axon_mongo} and {@code replay_vs_axon_mongo}: our engine ÷ the stock engine
   * of Axon's Mongo extension, both on the same embedded server (a database each), the same events.
   * A load is the mean over {@value #STOCK_LOADS_PER_ROUND} of the 20-event target aggregates
   * (others each round) with 200,000 events stored. A replay is a pooled processor with a no-op
   * handler over a store of {@value #STOCK_REPLAY_EVENTS} events, from the start to the last or for
   * 30 s at most (events handled ÷ time): the stock engine sorts the whole collection by timestamp
   * for every batch on the embedded server (no index is used there) and excludes the ids its token
   * tracks within its look-back window, which holds thousands of events filled at full speed; it
   * handled tens of events per second here, single digits at 200,000. Two rounds each, the better
   * of the two.
   */
  private static void stockMongoFigures() throws Exception {
    Path dir = Files.createTempDirectory("rathaus-bench-stock");
    try (EmbeddedStoreFixture fixture = new EmbeddedStoreFixture(dir)) {
      if (runs("load_200k_vs_axon_mongo")) {
        List<Side> sides = stockSides(fixture, "200k", 200_000);
        double[][] loads =
            alternating(
                sides,
                (side, round) ->
                    loadMillis(side.store(), round * STOCK_LOADS_PER_ROUND, STOCK_LOADS_PER_ROUND));
        stockFigure(
            "load_200k_vs_axon_mongo",
            "load of a 20-event aggregate at 200,000 events",
            "ms",
            sides,
            loads);
        sides.forEach(side -> side.store().shutDown());
      }
      if (runs("replay_vs_axon_mongo")) {
        List<Side> sides = stockSides(fixture, "10k", STOCK_REPLAY_EVENTS);
        double[][] replays =
            alternating(
                sides,
                2,
                0,
                (side, round) -> {
                  long t0 = System.nanoTime();
                  NoOpProcessor processor =
                      NoOpProcessor.start(
                          fixture.serializer,
                          side.store(),
                          "replay-" + round + "-" + side.name().replace(' ', '-'));
                  long handled = processor.awaitCount(STOCK_REPLAY_EVENTS, STOCK_REPLAY_LIMIT);
                  double rate = handled / ((System.nanoTime() - t0) / 1e9);
                  processor.stop();
                  if (handled < STOCK_REPLAY_EVENTS) {
                    System.out.printf(
                        Locale.ROOT,
                        "%s: %d of %d events replayed in %d s%n",
                        side.name(),
                        handled,
                        STOCK_REPLAY_EVENTS,
                        STOCK_REPLAY_LIMIT.toSeconds());
                  }
                  return rate;
                });
        stockFigure(
            "replay_vs_axon_mongo",
            "replay of " + STOCK_REPLAY_EVENTS + " events (no-op handler)",
            "events/s",
            sides,
            replays);
        sides.forEach(side -> side.store().shutDown());
      }
    } finally {
      deleteTree(dir);
    }
  }

  /** Our engine and the stock one on databases of their own, each filled with the same events. */
  private static List<Side> stockSides(EmbeddedStoreFixture fixture, String size, int events)
      throws Exception {
    MongoEventStorageEngine ours = fixture.build("ours-" + size);
    AxonMongoPeer stock =
        AxonMongoPeer.on(fixture.client.getDatabase("stock-" + size), fixture.serializer);
    for (EventStorageEngine engine : List.of(ours, stock.engine)) {
      long t0 = System.nanoTime();
      fill(engine, "target-", TARGET_AGGREGATES);
      fill(engine, "filler-a-", events / EVENTS_PER_AGGREGATE - TARGET_AGGREGATES);
      System.out.printf(
          Locale.ROOT,
          "filled %s with %d events in %.0f s%n",
          engine.getClass().getName(),
          events,
          (System.nanoTime() - t0) / 1e9);
    }
    return List.of(
        new Side("ours", EmbeddedEventStore.builder().storageEngine(ours).build()),
        new Side("stock axon-mongo", stock.store));
  }

  private static void stockFigure(
      String name, String what, String unit, List<Side> sides, double[][] values) {
    System.out.printf(
        Locale.ROOT,
        "%s: ours %s %.3f (rounds %s); stock axon-mongo %s %.3f (rounds %s)%n",
        what,
        unit,
        median(values[0]),
        Arrays.toString(values[0]),
        unit,
        median(values[1]),
        Arrays.toString(values[1]));
    figure(name, median(values[0]) / median(values[1]));
  }

  // ------------------------------------------------------------------ size independence

  /**
   * Two event stores side by side on one embedded server, in two databases: one with 10,000 events,
   * one with 200,000. Loads are measured in alternating rounds on both.
   */
  private static void sizeFigures() throws Exception {
    Path dir = Files.createTempDirectory("rathaus-bench-size");
    try (EmbeddedStoreFixture fixture = new EmbeddedStoreFixture(dir)) {
      MongoEventStorageEngine small = fixture.build("small");
      MongoEventStorageEngine large = fixture.build("large");
      EmbeddedEventStore smallStore = EmbeddedEventStore.builder().storageEngine(small).build();
      EmbeddedEventStore largeStore = EmbeddedEventStore.builder().storageEngine(large).build();
      for (MongoEventStorageEngine engine : List.of(small, large)) {
        fill(engine, "target-", TARGET_AGGREGATES);
        fill(engine, "filler-a-", 10_000 / EVENTS_PER_AGGREGATE - TARGET_AGGREGATES);
      }
      fill(large, "filler-b-", 190_000 / EVENTS_PER_AGGREGATE);
      long total = large.highestPosition();
      System.out.printf(
          "stores hold %d and %d events%n", small.highestPosition(), large.highestPosition());

      double[] smallLoads = new double[ROUNDS];
      double[] largeLoads = new double[ROUNDS];
      for (int round = 0; round < ROUNDS + WARM_UP_ROUNDS; round++) {
        double smallLoad = loadMillis(smallStore);
        double largeLoad = loadMillis(largeStore);
        if (round >= WARM_UP_ROUNDS) {
          smallLoads[round - WARM_UP_ROUNDS] = smallLoad;
          largeLoads[round - WARM_UP_ROUNDS] = largeLoad;
        }
      }
      double load10k = median(smallLoads);
      double load200k = median(largeLoads);

      NoOpProcessor processor = NoOpProcessor.start(fixture, smallStore, "idle-10k");
      processor.awaitCount(small.highestPosition());
      double idle10k = idleCpuMillis();
      processor.stop();

      // raw read, replay, raw read: the replay is compared with the better raw read around it
      double rawBefore = rawReadRate(fixture, "large", total);
      long t0 = System.nanoTime();
      processor = NoOpProcessor.start(fixture, largeStore, "replay");
      processor.awaitCount(total);
      double replay = total / ((System.nanoTime() - t0) / 1e9);
      double raw = Math.max(rawBefore, rawReadRate(fixture, "large", total));
      double idle200k = idleCpuMillis();
      processor.stop();
      if (runs("asof_case_200k_vs_10k")) {
        asOfFigure(small, large);
      }
      System.out.printf(
          Locale.ROOT,
          "load of a 20-event aggregate: %.3f ms at 10k, %.3f ms at 200k%n",
          load10k,
          load200k);
      System.out.printf(
          Locale.ROOT, "replay %.0f events/s, raw read+deserialize %.0f events/s%n", replay, raw);
      System.out.printf(
          Locale.ROOT,
          "idle CPU of the engine's threads over 10 s: %.0f ms at 10k, %.0f ms at 200k%n",
          idle10k,
          idle200k);
      figure("load_200k_vs_10k", load200k / load10k);
      figure("replay_vs_raw", replay / raw);
      figure("idle_cpu_200k_vs_10k", idle200k / Math.max(idle10k, 1));
      smallStore.shutDown();
      largeStore.shutDown();
    }
  }

  private static final int AS_OF_QUERIES = 20;

  /**
   * {@code asof_case_200k_vs_10k}: the time to build a long case's clerks' view as of a moment (by
   * position, halfway through its history, and by instant, at its end), through the same use case
   * the endpoint runs, with 200,000 events stored ÷ with 10,000, in alternating rounds.
   */
  private static void asOfFigure(MongoEventStorageEngine small, MongoEventStorageEngine large) {
    List<DomainEventMessage<?>> history = AsOfCase.history("asof-case");
    for (DomainEventMessage<?> event : history) {
      small.appendEvents(List.of(event));
      large.appendEvents(List.of(event));
    }
    long[] smallMiddle = {middlePosition(small, history.size())};
    long[] largeMiddle = {middlePosition(large, history.size())};
    de.rathaus.application.audit.StatesAsOf smallStates =
        new de.rathaus.application.audit.StatesAsOf(
            new de.rathaus.infra.audit.StoredHistory(small, id -> List.of()));
    de.rathaus.application.audit.StatesAsOf largeStates =
        new de.rathaus.application.audit.StatesAsOf(
            new de.rathaus.infra.audit.StoredHistory(large, id -> List.of()));
    double[] smallTimes = new double[ROUNDS * 2];
    double[] largeTimes = new double[ROUNDS * 2];
    for (int round = 0; round < ROUNDS * 2 + WARM_UP_ROUNDS; round++) {
      double s = asOfMillis(smallStates, smallMiddle[0]);
      double l = asOfMillis(largeStates, largeMiddle[0]);
      if (round >= WARM_UP_ROUNDS) {
        smallTimes[round - WARM_UP_ROUNDS] = s;
        largeTimes[round - WARM_UP_ROUNDS] = l;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "a %d-event case as of a moment: %.3f ms at 10k, %.3f ms at 200k%n",
        history.size(),
        median(smallTimes),
        median(largeTimes));
    figure("asof_case_200k_vs_10k", median(largeTimes) / median(smallTimes));
  }

  private static long middlePosition(MongoEventStorageEngine engine, int events) {
    return engine.historyOf("asof-case").get(events / 2).trackingToken().position().orElseThrow();
  }

  /** Mean time of one view as of a moment (alternately by position and by instant), in ms. */
  private static double asOfMillis(de.rathaus.application.audit.StatesAsOf states, long middle) {
    long t0 = System.nanoTime();
    for (int q = 0; q < AS_OF_QUERIES; q++) {
      de.rathaus.application.audit.FindStateAsOf query =
          q % 2 == 0
              ? de.rathaus.application.audit.FindStateAsOf.atPosition("asof-case", middle)
              : de.rathaus.application.audit.FindStateAsOf.at("asof-case", java.time.Instant.now());
      if (states.handle(query).isEmpty()) {
        throw new IllegalStateException("no view of the case as of " + query);
      }
    }
    return (System.nanoTime() - t0) / 1e6 / AS_OF_QUERIES;
  }

  /** Appends 20-event aggregates in commits of 100 events, from two writer threads. */
  static void fill(EventStorageEngine engine, String prefix, int aggregates) throws Exception {
    java.util.concurrent.ExecutorService writers =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int writer = w;
      done.add(
          writers.submit(
              () -> {
                List<EventMessage<?>> batch = new ArrayList<>();
                for (int a = writer; a < aggregates; a += 2) {
                  batch.addAll(aggregateEvents(prefix + a, 0, EVENTS_PER_AGGREGATE));
                  if (batch.size() >= 100) {
                    engine.appendEvents(batch);
                    batch = new ArrayList<>();
                  }
                }
                if (!batch.isEmpty()) {
                  engine.appendEvents(batch);
                }
              }));
    }
    for (java.util.concurrent.Future<?> f : done) {
      f.get();
    }
    writers.shutdown();
  }

  /** Mean time to load (and deserialize) each of the target aggregates once, in ms. */
  static double loadMillis(EmbeddedEventStore store) {
    return loadMillis(store, 0, TARGET_AGGREGATES);
  }

  /**
   * Mean time to load (and deserialize) {@code count} target aggregates from {@code from}, in ms.
   */
  private static double loadMillis(EmbeddedEventStore store, int from, int count) {
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      int a = (from + i) % TARGET_AGGREGATES;
      long n = store.readEvents("target-" + a).asStream().map(EventMessage::getPayload).count();
      if (n != EVENTS_PER_AGGREGATE) {
        throw new IllegalStateException("loaded " + n + " events");
      }
    }
    return (System.nanoTime() - t0) / 1e6 / count;
  }

  static double rawReadRate(EmbeddedStoreFixture fixture, String database, long expected)
      throws Exception {
    ObjectMapper mapper = fixture.serializer.getObjectMapper();
    MongoCollection<BsonDocument> events =
        fixture.client.getDatabase(database).getCollection("events", BsonDocument.class);
    long t0 = System.nanoTime();
    long n = 0;
    for (BsonDocument document : events.find().batchSize(1_000)) {
      BsonValue payload = document.get(EventDocuments.PAYLOAD);
      mapper.treeToValue(BsonJson.toJson(payload), TestEvents.Noted.class);
      n++;
    }
    if (n != expected) {
      throw new IllegalStateException("raw read " + n + " of " + expected);
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  /**
   * CPU used by the engine's threads over 10 s of idleness, in ms. The process figure is printed
   * too; it also holds the JIT compiler and the collector still finishing earlier work.
   */
  static double idleCpuMillis() throws InterruptedException {
    Thread.sleep(8_000); // let the last batch, the JIT compiler and the collector settle
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    java.util.Map<Long, Long> start = new java.util.HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      start.put(id, threads.getThreadCpuTime(id));
    }
    long before = os.getProcessCpuTime();
    Thread.sleep(10_000);
    double used = (os.getProcessCpuTime() - before) / 1e6;
    long javaThreads = 0;
    List<String> busiest = new ArrayList<>();
    for (long id : threads.getAllThreadIds()) {
      java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
      long now = threads.getThreadCpuTime(id);
      if (info == null || now < 0) {
        continue;
      }
      long cpu = now - start.getOrDefault(id, 0L);
      javaThreads += cpu;
      if (cpu > 5_000_000) {
        busiest.add(String.format(Locale.ROOT, "%s=%.0fms", info.getThreadName(), cpu / 1e6));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "idle: process %.0f ms, Java threads %.0f ms, busiest %s%n",
        used,
        javaThreads / 1e6,
        busiest);
    return javaThreads / 1e6;
  }

  private static List<DomainEventMessage<?>> aggregateEvents(String id, long from, int count) {
    List<DomainEventMessage<?>> events = new ArrayList<>(count);
    for (long seq = from; seq < from + count; seq++) {
      events.add(
          new GenericDomainEventMessage<>(
              "Case",
              id,
              seq,
              new TestEvents.Noted(id, (int) seq, List.of("bench", "event")),
              MetaData.with("actorId", "bench").and("correlationId", id)));
    }
    return events;
  }

  /** Deletes a benchmark's temporary directory (its stores take hundreds of MB). */
  static void deleteTree(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static void figure(String name, double value) {
    figures.add(String.format(Locale.ROOT, "figure %s %.3f", name, value));
  }

  /** A pooled streaming processor whose handler does nothing but count what it receives. */
  static final class NoOpProcessor {
    private final Configuration configuration;
    private final AtomicLong handled;

    private NoOpProcessor(Configuration configuration, AtomicLong handled) {
      this.configuration = configuration;
      this.handled = handled;
    }

    static NoOpProcessor start(
        EmbeddedStoreFixture fixture, EmbeddedEventStore store, String name) {
      return start(fixture.serializer, store, name);
    }

    static NoOpProcessor start(Serializer serializer, EmbeddedEventStore store, String name) {
      AtomicLong handled = new AtomicLong();
      Configurer configurer =
          DefaultConfigurer.defaultConfiguration()
              .configureSerializer(c -> serializer)
              .configureEventStore(c -> store);
      configurer
          .eventProcessing()
          .registerPooledStreamingEventProcessor(name)
          .registerEventHandler(c -> new CountingHandler(handled))
          .byDefaultAssignTo(name)
          .registerTokenStore(name, c -> new InMemoryTokenStore());
      Configuration configuration = configurer.buildConfiguration();
      configuration.start();
      return new NoOpProcessor(configuration, handled);
    }

    /** Events handled once {@code expected} are or {@code limit} has passed. */
    long awaitCount(long expected, Duration limit) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      while (handled.get() < expected && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      return handled.get();
    }

    void awaitCount(long expected) throws InterruptedException {
      long deadline = System.nanoTime() + 240_000_000_000L;
      while (handled.get() < expected) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("processor stuck at " + handled.get());
        }
        Thread.sleep(5);
      }
    }

    void stop() {
      configuration
          .eventProcessingConfiguration()
          .eventProcessors()
          .values()
          .forEach(p -> p.shutDown());
    }
  }

  /** Counts every event; the payload is deserialized, as for any handler. */
  static final class CountingHandler {
    private final AtomicLong handled;

    CountingHandler(AtomicLong handled) {
      this.handled = handled;
    }

    @EventHandler
    void on(Object payload) {
      handled.incrementAndGet();
    }
  }
}
