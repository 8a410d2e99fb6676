package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import de.rathaus.infra.eventstore.testapp.CounterApi;
import de.rathaus.infra.eventstore.testapp.CounterApplication;
import de.rathaus.infra.eventstore.testapp.CounterProjection;
import de.rathaus.infra.eventstore.testapp.EventLog;
import de.rathaus.infra.mongo.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine under running pooled streaming processors, on the embedded server. */
class ProcessorContractIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dataDir;
  private final String database = TestDatabase.freshName();

  @AfterEach
  void dropDatabase() {
    TestDatabase.drop(database);
  }

  @Test
  void aCommitHeldBackWhileLaterCommitsLandIsStillDelivered() throws Exception {
    HoldBack.latchFor = "slow-1";
    try (ConfigurableApplicationContext engine =
        CounterApplication.startOn(
            dataDir.toString(), database, "spring.main.sources=" + HoldBack.class.getName())) {
      CommandGateway commands = engine.getBean(CommandGateway.class);
      CounterProjection counters = engine.getBean(CounterProjection.class);
      Thread slow = new Thread(() -> commands.sendAndWait(new CounterApi.OpenCounter("slow-1")));
      slow.start();
      assertThat(HoldBack.held.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 30; i++) {
        commands.sendAndWait(new CounterApi.OpenCounter("fast-" + i));
      }
      Await.until(WAIT, () -> counters.totals.size() == 30, "the later commits are handled");
      Thread.sleep(1_500); // the processor has polled past the gap several times meanwhile
      assertThat(counters.totals).doesNotContainKey("slow-1");

      HoldBack.release.countDown();
      slow.join();

      Await.until(
          WAIT, () -> counters.totals.containsKey("slow-1"), "the held-back commit arrives");
      assertThat(counters.totals).hasSize(31);
      assertThat(new HashSet<>(counters.handledEventIds)).hasSize(31);
    } finally {
      HoldBack.latchFor = null;
    }
  }

  @Test
  void fourWritersEachProcessorSeesEveryEventExactlyOnce() throws Exception {
    try (ConfigurableApplicationContext engine =
        CounterApplication.startOn(dataDir.toString(), database)) {
      CommandGateway commands = engine.getBean(CommandGateway.class);
      ExecutorService writers = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int writer = 0; writer < 4; writer++) {
        int w = writer;
        done.add(
            writers.submit(
                () -> {
                  for (int a = 0; a < 200; a++) {
                    String id = "w" + w + "-" + a;
                    commands.sendAndWait(new CounterApi.OpenCounter(id));
                    for (int i = 0; i < 9; i++) {
                      commands.sendAndWait(new CounterApi.Increment(id, 1));
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
      writers.shutdown();

      CounterProjection counters = engine.getBean(CounterProjection.class);
      EventLog log = engine.getBean(EventLog.class);
      Await.until(WAIT, () -> counters.handledEventIds.size() >= 8_000, "counters saw 8,000");
      Await.until(WAIT, () -> log.handledEventIds.size() >= 8_000, "the log saw 8,000");
      Thread.sleep(500);
      assertThat(counters.handledEventIds).hasSize(8_000).doesNotHaveDuplicates();
      assertThat(log.handledEventIds).hasSize(8_000).doesNotHaveDuplicates();
      counters.order.forEach(
          (id, seen) ->
              assertThat(
                      seen.stream()
                          .map(t -> Integer.parseInt(t.substring(0, t.indexOf('@'))))
                          .toList())
                  .as("events of %s in the order handled: %s", id, seen)
                  .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9));
      assertThat(counters.totals)
          .hasSize(800)
          .allSatisfy((id, total) -> assertThat(total).isEqualTo(9));
    }
  }

  @Test
  void snapshotsLoadTheSameStateAsAFullReplay() {
    try (ConfigurableApplicationContext engine =
        CounterApplication.startOn(dataDir.toString(), database)) {
      CommandGateway commands = engine.getBean(CommandGateway.class);
      commands.sendAndWait(new CounterApi.OpenCounter("long"));
      for (int i = 1; i <= 65; i++) {
        commands.sendAndWait(new CounterApi.Increment("long", i));
      }
      MongoEventStorageEngine storage = engine.getBean(MongoEventStorageEngine.class);
      Await.until(WAIT, () -> storage.readSnapshot("long").isPresent(), "a snapshot is taken");
      int fromSnapshot = commands.sendAndWait(new CounterApi.ReadTotal("long"));

      engine.getBean(com.mongodb.client.MongoDatabase.class).getCollection("snapshots").drop();
      assertThat(storage.readSnapshot("long")).isEmpty();
      int fromFullReplay = commands.sendAndWait(new CounterApi.ReadTotal("long"));

      assertThat(fromSnapshot).isEqualTo(65 * 66 / 2).isEqualTo(fromFullReplay);
    }
  }

  @Test
  void aResetReplaysIntoAnIdenticalReadModelFlaggedAsReplayWithASmallToken() throws Exception {
    try (ConfigurableApplicationContext engine =
        CounterApplication.startOn(dataDir.toString(), database)) {
      CommandGateway commands = engine.getBean(CommandGateway.class);
      for (int a = 0; a < 150; a++) {
        commands.sendAndWait(new CounterApi.OpenCounter("c" + a));
        commands.sendAndWait(new CounterApi.Increment("c" + a, a));
        commands.sendAndWait(new CounterApi.Increment("c" + a, 2));
      }
      CounterProjection counters = engine.getBean(CounterProjection.class);
      Await.until(WAIT, () -> counters.handledEventIds.size() == 450, "the live run is handled");
      Map<String, Integer> original = new HashMap<>(counters.totals);

      PooledStreamingEventProcessor processor =
          engine
              .getBean(EventProcessingConfiguration.class)
              .eventProcessor(CounterProjection.GROUP, PooledStreamingEventProcessor.class)
              .orElseThrow();
      processor.shutDown();
      processor.resetTokens();
      int biggestToken = 0;
      processor.start();
      while (counters.replayed.get() < 450) {
        biggestToken = Math.max(biggestToken, tokenSize(engine));
        Thread.sleep(5);
        if (counters.replayed.get() == 0 && !processor.isRunning()) {
          throw new AssertionError("processor stopped");
        }
      }
      Await.until(WAIT, () -> !processor.isReplaying(), "the replay ends");
      biggestToken = Math.max(biggestToken, tokenSize(engine));

      assertThat(counters.totals).isEqualTo(original);
      assertThat(counters.replayed.get()).isEqualTo(450);
      assertThat(counters.handledLive.get()).isEqualTo(450);
      assertThat(biggestToken).isLessThan(1_024);
    }
  }

  @Test
  void eventsAndTokensSurviveARestartOnTheSameDataDirectory() {
    try (ConfigurableApplicationContext engine =
        CounterApplication.startOn(dataDir.toString(), database)) {
      CommandGateway commands = engine.getBean(CommandGateway.class);
      for (int i = 0; i < 20; i++) {
        commands.sendAndWait(new CounterApi.OpenCounter("before-" + i));
      }
      CounterProjection counters = engine.getBean(CounterProjection.class);
      Await.until(WAIT, () -> counters.totals.size() == 20, "the first run is handled");
    }
    try (ConfigurableApplicationContext engine =
        CounterApplication.startOn(dataDir.toString(), database)) {
      EventStore events = engine.getBean(EventStore.class);
      assertThat(events.readEvents("before-7").asStream().count()).isEqualTo(1);
      assertThat(furthestPosition(engine)).isEqualTo(20);

      engine.getBean(CommandGateway.class).sendAndWait(new CounterApi.OpenCounter("after"));
      CounterProjection counters = engine.getBean(CounterProjection.class);
      Await.until(WAIT, () -> counters.totals.containsKey("after"), "the new event is handled");
      // the restarted processor went on from its token instead of handling everything again
      assertThat(counters.totals).containsOnlyKeys("after");
    }
  }

  /** The size of the largest token of the processor's segments, as stored. */
  private static int tokenSize(ConfigurableApplicationContext engine) {
    return storedTokens(engine).stream()
        .mapToInt(
            t ->
                t.getDocument("token")
                    .toJson()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    .length)
        .max()
        .orElse(0);
  }

  /** The processor's token entries as stored, read without claiming them. */
  private static List<BsonDocument> storedTokens(ConfigurableApplicationContext engine) {
    List<BsonDocument> tokens = new ArrayList<>();
    for (BsonDocument entry :
        engine
            .getBean(MongoDatabase.class)
            .getCollection("tokens", BsonDocument.class)
            .find(new Document("processorName", CounterProjection.GROUP))) {
      if (entry.isDocument("token")) {
        tokens.add(entry);
      }
    }
    return tokens;
  }

  private static long furthestPosition(ConfigurableApplicationContext engine) {
    Serializer serializer = engine.getBean(Serializer.class);
    long furthest = 0;
    for (BsonDocument entry : storedTokens(engine)) {
      TrackingToken token =
          serializer.deserialize(
              new SimpleSerializedObject<>(
                  BsonJson.toJson(entry.get("token")),
                  com.fasterxml.jackson.databind.JsonNode.class,
                  entry.getString("tokenType").getValue(),
                  null));
      furthest = Math.max(furthest, token.position().orElse(0));
    }
    return furthest;
  }

  /** Holds back the append of one aggregate's first event until released. */
  @Configuration(proxyBeanMethods = false)
  static class HoldBack {
    static volatile String latchFor;
    static final CountDownLatch held = new CountDownLatch(1);
    static final CountDownLatch release = new CountDownLatch(1);

    @Bean
    AppendHook holdBack() {
      return events -> {
        String target = latchFor;
        if (target != null
            && events.get(0) instanceof org.axonframework.eventhandling.DomainEventMessage<?> d
            && target.equals(d.getAggregateIdentifier())) {
          held.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };
    }
  }
}
