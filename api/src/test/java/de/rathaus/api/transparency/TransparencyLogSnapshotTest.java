package de.rathaus.api.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.rathaus.domain.transparency.CheckpointRuleViolation;
import de.rathaus.domain.transparency.RecordCheckpoint;
import de.rathaus.domain.transparency.TransparencyLogId;
import de.rathaus.infra.eventstore.EventStoreAutoConfiguration;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Instant;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log's aggregate grows by one event per checkpoint for ever (a million a year at the
 * defaults): it is loaded from a snapshot, so a checkpoint does not replay the whole log.
 */
class TransparencyLogSnapshotTest {

  private static final TransparencyLogId LOG = new TransparencyLogId("rathaus.example/snapshots");

  @TempDir static Path dataDir;
  private static EmbeddedMongoServer server;
  private static MongoClient client;

  @BeforeAll
  static void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  private static Configuration engine(MongoDatabase database) {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Serializer serializer = JacksonSerializer.builder().objectMapper(json).build();
    MongoEventStorageEngine storage =
        MongoEventStorageEngine.builder()
            .database(database)
            .eventSerializer(serializer)
            .snapshotSerializer(EventStoreAutoConfiguration.snapshotSerializer(serializer))
            .build();
    storage.ensureIndexes();
    Configurer configurer =
        DefaultConfigurer.defaultConfiguration()
            .configureSerializer(c -> serializer)
            .configureEmbeddedEventStore(c -> storage);
    new TransparencyConfiguration().transparencyLogAggregate().configureModule(configurer);
    Configuration configuration = configurer.buildConfiguration();
    configuration.start();
    return configuration;
  }

  private static RecordCheckpoint checkpoint(long treeSize) {
    return new RecordCheckpoint(
        LOG,
        treeSize,
        "cm9vdA==",
        Instant.parse("2026-12-02T10:00:00Z").plusSeconds(treeSize),
        "c2ln",
        "0a0b0c0d",
        "note",
        treeSize - 1);
  }

  @Test
  void aLongLogIsLoadedFromASnapshotAndKeepsItsRules() {
    MongoDatabase database = client.getDatabase("snapshots-" + System.nanoTime());
    Configuration first = engine(database);
    int checkpoints = TransparencyConfiguration.LOG_SNAPSHOT_EVERY * 2 + 10;
    for (long size = 1; size <= checkpoints; size++) {
      first.commandGateway().sendAndWait(checkpoint(size * 2));
    }
    first.shutdown();

    Document snapshot =
        database.getCollection("snapshots").find(Filters.eq("_id", LOG.value())).first();
    assertThat(snapshot).as("a snapshot of the log").isNotNull();
    assertThat(snapshot.get("sequence", Number.class).longValue())
        .as("taken within the last " + TransparencyConfiguration.LOG_SNAPSHOT_EVERY + " events")
        .isGreaterThanOrEqualTo(checkpoints - 1 - TransparencyConfiguration.LOG_SNAPSHOT_EVERY);

    // a restarted engine: the state comes from the snapshot and the events after it
    Configuration restarted = engine(database);
    try {
      assertThatThrownBy(() -> restarted.commandGateway().sendAndWait(checkpoint(checkpoints * 2)))
          .isInstanceOf(CheckpointRuleViolation.class);
      restarted.commandGateway().sendAndWait(checkpoint(checkpoints * 2 + 1));
    } finally {
      restarted.shutdown();
    }
  }
}
