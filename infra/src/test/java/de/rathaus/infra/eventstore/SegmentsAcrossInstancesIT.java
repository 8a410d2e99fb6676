package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.infra.eventstore.testapp.CounterApi;
import de.rathaus.infra.eventstore.testapp.CounterApplication;
import de.rathaus.infra.eventstore.testapp.CounterProjection;
import de.rathaus.infra.eventstore.testapp.EventLog;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.mongo.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two engine instances (two Spring contexts, each with its own node id, client and data directory)
 * on one store: the processors' 16 segments are shared out, 8 each, while both live, and the one
 * that stays takes all of them back when the other leaves.
 */
class SegmentsAcrossInstancesIT {

  private static final List<String> PROCESSORS = List.of(CounterProjection.GROUP, EventLog.GROUP);
  private static final int SEGMENTS = 16;

  /** A release waits for a claim cycle (5 s) and the claim of the other instance for its next. */
  private static final Duration SHARED = Duration.ofSeconds(45);

  @TempDir Path storeDir;
  @TempDir Path dirA;
  @TempDir Path dirB;
  private final String database = TestDatabase.freshName();
  private EmbeddedMongoServer server;
  private String uri;

  @BeforeEach
  void startStore() {
    uri =
        TestDatabase.externalUri()
            .orElseGet(
                () -> {
                  server = EmbeddedMongoServer.start(storeDir);
                  return server.connectionString();
                });
  }

  @AfterEach
  void stopStore() {
    TestDatabase.drop(database);
    if (server != null) {
      server.close();
    }
  }

  private ConfigurableApplicationContext instance(Path dataDir) {
    return CounterApplication.start(
        dataDir.toString(),
        "rathaus.mongodb.uri=" + uri,
        "rathaus.mongodb.database=" + database,
        "rathaus.mongodb.allow-standalone=true");
  }

  private static int held(ConfigurableApplicationContext engine, String processor) {
    return engine
        .getBean(EventProcessingConfiguration.class)
        .eventProcessor(processor, PooledStreamingEventProcessor.class)
        .orElseThrow()
        .processingStatus()
        .size();
  }

  @Test
  void aSecondInstanceGetsItsFairShareWhileTheFirstLivesAndTheFirstTakesAllBackWhenItLeaves() {
    String second;
    try (ConfigurableApplicationContext a = instance(dirA)) {
      Await.until(
          SHARED,
          () -> PROCESSORS.stream().allMatch(p -> held(a, p) == SEGMENTS),
          "the first instance, alone, holds every segment");

      try (ConfigurableApplicationContext b = instance(dirB)) {
        second = b.getBean(EngineInstances.class).nodeId();
        Await.until(
            SHARED,
            () ->
                PROCESSORS.stream()
                    .allMatch(p -> held(a, p) == SEGMENTS / 2 && held(b, p) == SEGMENTS / 2),
            "each instance holds half of every processor's segments");

        // both instances process: the events of 40 counters land on both
        CommandGateway commands = b.getBean(CommandGateway.class);
        for (int i = 0; i < 40; i++) {
          commands.sendAndWait(new CounterApi.OpenCounter("c-" + i));
        }
        CounterProjection onA = a.getBean(CounterProjection.class);
        CounterProjection onB = b.getBean(CounterProjection.class);
        Await.until(
            SHARED,
            () -> onA.totals.size() + onB.totals.size() == 40,
            "every counter is handled on one of them");
        assertThat(onA.totals).isNotEmpty();
        assertThat(onB.totals).isNotEmpty();
        assertThat(onA.totals.keySet()).doesNotContainAnyElementsOf(onB.totals.keySet());
      }
      assertThat(
              a.getBean(com.mongodb.client.MongoDatabase.class)
                  .getCollection(EventStoreAutoConfiguration.INSTANCES_COLLECTION)
                  .countDocuments(com.mongodb.client.model.Filters.eq("_id", second)))
          .as("the second instance left the instances as it stopped: counted out at once")
          .isZero();

      Await.until(
          SHARED,
          () -> PROCESSORS.stream().allMatch(p -> held(a, p) == SEGMENTS),
          "the instance that stays takes every segment back");
    }
  }
}
