package de.rathaus.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.MongoWriteConcernException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcernResult;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.file.Path;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The store's health is whether it acknowledges a write with the engine's write concern, not only
 * whether it answers: a replica set without its majority answers {@code ping} and times out every
 * write, and an engine on it can take no command.
 */
class MongoStorageHealthIndicatorTest {

  @TempDir Path dataDir;

  @Test
  void aStoreThatAnswersButDoesNotAcknowledgeWritesIsDown() {
    MongoClient client = mock(MongoClient.class);
    MongoDatabase database = mock(MongoDatabase.class);
    @SuppressWarnings("unchecked")
    MongoCollection<Document> probes = mock(MongoCollection.class);
    when(client.getDatabase("rathaus")).thenReturn(database);
    when(database.runCommand(any(Bson.class))).thenReturn(new Document("ok", 1));
    when(database.getCollection(MongoStorageHealthIndicator.COLLECTION)).thenReturn(probes);
    when(probes.replaceOne(any(Bson.class), any(Document.class), any(ReplaceOptions.class)))
        .thenThrow(
            new MongoWriteConcernException(
                new WriteConcernError(
                    64,
                    "WriteConcernFailed",
                    "waiting for replication timed out",
                    new BsonDocument()),
                WriteConcernResult.unacknowledged(),
                new ServerAddress()));

    Health health =
        new MongoStorageHealthIndicator(new RathausMongo(client, "rathaus", null)).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("writes", "not acknowledged");
  }

  @Test
  void theEmbeddedStoreAcknowledgesTheProbeAndIsUp() {
    try (TestDatabase store = TestDatabase.open(dataDir)) {
      RathausMongo mongo = new RathausMongo(store.client(), store.name(), null);
      MongoStorageHealthIndicator indicator = new MongoStorageHealthIndicator(mongo);

      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
      // one probe document per instance, written again on every check
      assertThat(
              mongo
                  .database()
                  .getCollection(MongoStorageHealthIndicator.COLLECTION)
                  .countDocuments())
          .isEqualTo(1);
    }
  }

  @Test
  void checksInQuickSuccessionWriteOnceAndOldInstancesProbesAreRemoved() {
    try (TestDatabase store = TestDatabase.open(dataDir)) {
      RathausMongo mongo = new RathausMongo(store.client(), store.name(), null);
      MongoCollection<Document> probes =
          mongo.database().getCollection(MongoStorageHealthIndicator.COLLECTION);
      // a probe of an instance gone two days ago
      probes.insertOne(
          new Document("_id", "gone")
              .append(
                  "at",
                  java.util.Date.from(
                      java.time.Instant.now().minus(java.time.Duration.ofDays(2)))));
      MongoStorageHealthIndicator indicator = new MongoStorageHealthIndicator(mongo);

      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
      java.util.Date first = probes.find().first().getDate("at");
      for (int i = 0; i < 20; i++) {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
      }
      // health checks in a burst (anyone may ask) share the one write of the last seconds
      assertThat(probes.find().first().getDate("at")).isEqualTo(first);
      assertThat(probes.countDocuments()).isEqualTo(1);
      assertThat(probes.find(new Document("_id", "gone")).first()).isNull();
    }
  }

  @Test
  void aStoreWhoseWritesTimeOutIsDownAndUpAgainOnceItAcknowledgesThem() {
    try (TestDatabase store = TestDatabase.open(dataDir)) {
      java.util.concurrent.atomic.AtomicBoolean majorityLost =
          new java.util.concurrent.atomic.AtomicBoolean(true);
      MongoDatabase lost = mock(MongoDatabase.class);
      @SuppressWarnings("unchecked")
      MongoCollection<Document> probes = mock(MongoCollection.class);
      when(lost.runCommand(any(Bson.class))).thenReturn(new Document("ok", 1)); // ping answers
      when(lost.getCollection(MongoStorageHealthIndicator.COLLECTION)).thenReturn(probes);
      when(probes.replaceOne(any(Bson.class), any(Document.class), any(ReplaceOptions.class)))
          .thenThrow(
              new MongoWriteConcernException(
                  new WriteConcernError(
                      64,
                      "WriteConcernFailed",
                      "waiting for replication timed out",
                      new BsonDocument("wtimeout", org.bson.BsonBoolean.TRUE)),
                  WriteConcernResult.unacknowledged(),
                  new ServerAddress()));
      MongoClient client = mock(MongoClient.class);
      when(client.getDatabase(store.name()))
          .thenAnswer(asked -> majorityLost.get() ? lost : store.database());
      MongoStorageHealthIndicator indicator =
          new MongoStorageHealthIndicator(new RathausMongo(client, store.name(), null));

      assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);

      majorityLost.set(false); // the secondaries are back: writes are acknowledged again
      long deadline =
          System.nanoTime() + MongoStorageHealthIndicator.REUSED_FOR.multipliedBy(3).toNanos();
      Health health = indicator.health();
      while (health.getStatus() != Status.UP && System.nanoTime() < deadline) {
        // the DOWN answer is reused for a few seconds: ask again as a load balancer would
        java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        health = indicator.health();
      }
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("writes", "acknowledged");
    }
  }
}
