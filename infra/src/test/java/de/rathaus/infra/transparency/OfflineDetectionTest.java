package de.rathaus.infra.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.rathaus.application.transparency.Checkpoint;
import de.rathaus.application.transparency.HistoryVerification;
import de.rathaus.application.transparency.LogKey;
import de.rathaus.application.transparency.VerifierKey;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored events changed, deleted, inserted and swapped directly in the database are found, with the
 * first bad position named, by the offline check of the history's export against a checkpoint
 * signed before (as the engine's own verification finds them: {@link MongoHistoryLogTest}).
 */
class OfflineDetectionTest {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final String LOG_ID = "rathaus.example/test";
  private static final LogKey KEY = LogKey.generate();

  record Filed(String id, Map<String, String> name, double lat) {}

  @TempDir static Path dataDir;
  private static EmbeddedMongoServer server;
  private static MongoClient client;
  private MongoDatabase database;
  private Checkpoint checkpoint;

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

  /** Twenty events, sealed and signed. */
  @BeforeEach
  void sealedAndSigned() {
    database = client.getDatabase("offline-" + System.nanoTime());
    JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JSON).build();
    MongoEventStorageEngine engine =
        MongoEventStorageEngine.builder()
            .database(database)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .positionBlockSize(1)
            .build();
    engine.ensureIndexes();
    for (int i = 0; i < 20; i++) {
      engine.appendEvents(
          new GenericDomainEventMessage<>(
              "Case",
              "case-" + i,
              0,
              new Filed("case-" + i, Map.of("$pd", "v2.k1.c2VjcmV0.citizen-1"), 49.1 + i),
              MetaData.with("actorId", "clara")));
    }
    MongoHistoryLog log = new MongoHistoryLog(database, engine.reader());
    log.seal();
    checkpoint = Checkpoint.sign(LOG_ID, 20, log.root(20), Instant.now(), KEY);
  }

  private MongoCollection<BsonDocument> events() {
    return database.getCollection("events", BsonDocument.class);
  }

  private HistoryVerification.Result verifiedOffline() throws Exception {
    StringWriter export = new StringWriter();
    HistoryExport.write(database, export);
    VerifierKey key = KEY.verifierKey(LOG_ID);
    return HistoryVerification.verify(
        new BufferedReader(new StringReader(export.toString())), checkpoint, key);
  }

  @Test
  void anUntouchedStoreVerifies() throws Exception {
    assertThat(verifiedOffline().valid()).isTrue();
  }

  @Test
  void aChangedEventIsNamed() throws Exception {
    events().updateOne(Filters.eq("globalIndex", 7L), Updates.set("payload.lat", 48.0));

    HistoryVerification.Result result = verifiedOffline();

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBadPosition()).isEqualTo(7);
  }

  @Test
  void aDeletedEventIsNamed() throws Exception {
    events().deleteOne(Filters.eq("globalIndex", 9L));

    assertThat(verifiedOffline().firstBadPosition()).isEqualTo(9);
  }

  @Test
  void anInsertedEventIsNamedWhereItPushedTheHistoryOn() throws Exception {
    for (long p = 20; p >= 5; p--) {
      events().updateOne(Filters.eq("globalIndex", p), Updates.set("globalIndex", p + 1));
    }
    BsonDocument forged = events().find(Filters.eq("globalIndex", 6L)).first().clone();
    forged.put("_id", new BsonString("forged/0000000000000000000"));
    forged.put("eventId", new BsonString("forged"));
    forged.put("aggregateId", new BsonString("forged"));
    forged.put("globalIndex", new BsonInt64(5));
    events().insertOne(forged);

    assertThat(verifiedOffline().firstBadPosition()).isEqualTo(5);
  }

  @Test
  void twoSwappedEventsAreNamedAtTheFirst() throws Exception {
    events().updateOne(Filters.eq("globalIndex", 4L), Updates.set("globalIndex", -4L));
    events().updateOne(Filters.eq("globalIndex", 11L), Updates.set("globalIndex", 4L));
    events().updateOne(Filters.eq("globalIndex", -4L), Updates.set("globalIndex", 11L));

    assertThat(verifiedOffline().firstBadPosition()).isEqualTo(4);
  }

  @Test
  void aCheckpointSignedWithAnotherKeyIsRefused() throws Exception {
    checkpoint =
        Checkpoint.sign(LOG_ID, 20, checkpoint.rootHash(), Instant.now(), LogKey.generate());

    HistoryVerification.Result result = verifiedOffline();

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBadPosition()).isNull();
  }
}
