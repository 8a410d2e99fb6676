package de.rathaus.infra.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.rathaus.application.transparency.Frontier;
import de.rathaus.application.transparency.HistoryLine;
import de.rathaus.application.transparency.HistoryLog;
import de.rathaus.application.transparency.MerkleTree;
import de.rathaus.domain.transparency.CheckpointRecorded;
import de.rathaus.domain.transparency.TransparencyLogId;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sealed tree on the embedded server: sealing, proofs, restarts, tampering found. */
class MongoHistoryLogTest {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  record Filed(String id, Map<String, String> name, double lat) {}

  @TempDir static Path dataDir;
  private static EmbeddedMongoServer server;
  private static MongoClient client;
  private MongoDatabase database;
  private MongoEventStorageEngine engine;
  private MongoHistoryLog log;

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

  @BeforeEach
  void fresh() {
    database = client.getDatabase("log-" + System.nanoTime());
    JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JSON).build();
    engine =
        MongoEventStorageEngine.builder()
            .database(database)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .positionBlockSize(1)
            .build();
    engine.ensureIndexes();
    log = new MongoHistoryLog(database, engine.reader());
  }

  private void file(String id, long sequence) {
    engine.appendEvents(
        new GenericDomainEventMessage<>(
            "Case",
            id,
            sequence,
            new Filed(id, Map.of("$pd", "v2.k1.c2VjcmV0.citizen-1"), 49.142 + sequence),
            MetaData.with("actorId", "clara")));
  }

  private int filed;

  private void fileMany(int count) {
    for (int i = 0; i < count; i++) {
      file("case-" + filed++, 0);
    }
  }

  private MongoCollection<BsonDocument> events() {
    return database.getCollection("events", BsonDocument.class);
  }

  /** Reserves the next position without storing anything there, as a writer that died would. */
  private long reserveAHole() {
    Document counter =
        database
            .getCollection("eventstore_counters")
            .findOneAndUpdate(
                Filters.eq("_id", "globalIndex"),
                Updates.inc("value", 1L),
                new com.mongodb.client.model.FindOneAndUpdateOptions()
                    .upsert(true)
                    .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
    return counter.get("value", Number.class).longValue();
  }

  private void tombstoneAt(long position) {
    BsonString id = new BsonString("~tomb/" + position);
    events()
        .insertOne(
            new BsonDocument("_id", id)
                .append("globalIndex", new BsonInt64(position))
                .append("eventId", id)
                .append("tombstone", BsonBoolean.TRUE));
  }

  /** The root of the export's lines, recomputed from the lines alone. */
  private List<JsonNode> exported() throws Exception {
    StringWriter out = new StringWriter();
    HistoryExport.write(database, out);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isEmpty()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  private static byte[] rootOf(List<JsonNode> lines, int size) {
    Frontier frontier = new Frontier();
    for (JsonNode line : lines.subList(0, size)) {
      frontier.add(HistoryLine.leafHash(line));
    }
    return frontier.root();
  }

  @Test
  void sealsEveryStoredEventInPositionOrderAndItsRootIsTheExportsRoot() throws Exception {
    fileMany(10);

    HistoryLog.Sealed sealed = log.seal();

    assertThat(sealed.size()).isEqualTo(10);
    List<JsonNode> lines = exported();
    assertThat(lines).hasSize(10);
    assertThat(lines.get(3).get("position").asLong()).isEqualTo(4);
    assertThat(lines.get(3).get("payload").get("name").toString()).contains("$pd");
    assertThat(log.root(10)).isEqualTo(rootOf(lines, 10));
    for (int i = 0; i < 10; i++) {
      assertThat(Base64.getDecoder().decode(lines.get(i).get("leafHash").asText()))
          .isEqualTo(HistoryLine.leafHash(lines.get(i)));
    }
  }

  @Test
  void aTombstoneIsALeafSoTheTreeHasNoHoles() throws Exception {
    fileMany(2);
    tombstoneAt(reserveAHole());
    file("case-x", 0);

    assertThat(log.seal().size()).isEqualTo(4);
    List<JsonNode> lines = exported();
    assertThat(lines.get(2).get("tombstone").asBoolean()).isTrue();
    assertThat(log.root(4)).isEqualTo(rootOf(lines, 4));
  }

  @Test
  void sealingStopsAtAnOpenPositionUntilItIsGivenUp() {
    fileMany(3);
    long hole = reserveAHole();
    file("case-late", 0);

    assertThat(log.seal().size()).isEqualTo(3);
    tombstoneAt(hole);
    assertThat(log.seal().size()).isEqualTo(5);
  }

  @Test
  void aCheckpointEventDoesNotCountAsNewHistory() {
    fileMany(2);
    engine.appendEvents(
        new GenericDomainEventMessage<>(
            "TransparencyLog",
            "rathaus.example/log",
            0,
            new CheckpointRecorded(
                new TransparencyLogId("rathaus.example/log"),
                2,
                "cm9vdA==",
                Instant.parse("2026-12-02T10:00:00Z"),
                "c2ln",
                "0a0b0c0d",
                "note")));

    HistoryLog.Sealed sealed = log.seal();

    assertThat(sealed.size()).isEqualTo(3);
    assertThat(sealed.lastEventLeaf()).isEqualTo(1);
  }

  @Test
  void proofsOfATreeOfSeveralTilesVerify() throws Exception {
    fileMany(700);
    log.seal();
    List<JsonNode> lines = exported();
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      int size = 1 + random.nextInt(700);
      int leaf = random.nextInt(size);
      byte[] root = log.root(size);
      assertThat(root).isEqualTo(rootOf(lines, size));
      assertThat(
              MerkleTree.verifyInclusion(
                  leaf,
                  size,
                  HistoryLine.leafHash(lines.get(leaf)),
                  log.inclusionProof(leaf, size),
                  root))
          .isTrue();
      int from = 1 + random.nextInt(size);
      assertThat(
              MerkleTree.verifyConsistency(
                  from, size, log.root(from), root, log.consistencyProof(from, size)))
          .isTrue();
    }
  }

  @Test
  void aRestartedInstanceGoesOnWhereTheStoredTreeEnds() throws Exception {
    fileMany(300);
    log.seal();
    MongoHistoryLog restarted = new MongoHistoryLog(database, engine.reader());
    for (int i = 0; i < 100; i++) {
      file("more-" + i, 0);
    }

    assertThat(restarted.seal().size()).isEqualTo(400);
    assertThat(restarted.root(400)).isEqualTo(rootOf(exported(), 400));
    assertThat(log.root(400)).isEqualTo(restarted.root(400));
  }

  @Test
  void twoInstancesSealingAtOnceStoreOneTree() throws Exception {
    MongoHistoryLog other = new MongoHistoryLog(database, engine.reader());
    for (int round = 0; round < 5; round++) {
      fileMany(130);
      CompletableFuture<HistoryLog.Sealed> a = CompletableFuture.supplyAsync(log::seal);
      CompletableFuture<HistoryLog.Sealed> b = CompletableFuture.supplyAsync(other::seal);
      a.join();
      b.join();
    }
    log.seal();
    other.seal();

    assertThat(log.sealed().size()).isEqualTo(650);
    assertThat(other.root(650)).isEqualTo(rootOf(exported(), 650));
    assertThat(log.root(650)).isEqualTo(other.root(650));
  }

  @Test
  void aValueThatCannotBeSealedStopsSealingWithoutLeavingTheTreeAhead() throws Exception {
    fileMany(10);
    // a stored value no canonical JSON can hold, in the middle of the window
    events().updateOne(Filters.eq("globalIndex", 6L), Updates.set("payload.lat", Double.NaN));

    org.assertj.core.api.Assertions.assertThatThrownBy(log::seal)
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(log.sealed().size()).as("nothing half-sealed is stored").isZero();

    events().updateOne(Filters.eq("globalIndex", 6L), Updates.set("payload.lat", 49.0));
    HistoryLog.Sealed sealed = log.seal();

    assertThat(sealed.size()).as("each position once").isEqualTo(10);
    assertThat(log.root(10)).isEqualTo(rootOf(exported(), 10));
    assertThat(log.verify(10, log.root(10)).valid()).isTrue();
  }

  @Test
  void aStoredTileThatDiffersFromTheHistoryIsRefusedNotTakenAsEqual() {
    fileMany(5);
    byte[] foreign = new byte[5 * 32];
    java.util.Arrays.fill(foreign, (byte) 7);
    // another writer stored a tile of the same width with other hashes (a rewritten tree)
    database
        .getCollection(MongoHistoryLog.COLLECTION, BsonDocument.class)
        .insertOne(
            new BsonDocument("_id", new BsonString("tile/0/0"))
                .append("width", new org.bson.BsonInt32(5))
                .append("hashes", new org.bson.BsonBinary(foreign)));

    org.assertj.core.api.Assertions.assertThatThrownBy(log::seal)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tile");
    assertThat(log.sealed().size()).isZero();
  }

  @Test
  void anEventOfAnAbortedCommitRemovedAfterItWasSealedIsNoAlarm() throws Exception {
    fileMany(2);
    long orphan = reserveAHole();
    long decider = reserveAHole();
    // an event of a two-event commit whose last position was given up: aborted, no event at all
    events()
        .insertOne(
            new BsonDocument("_id", new BsonString("~orphan"))
                .append("globalIndex", new BsonInt64(orphan))
                .append("eventId", new BsonString("orphan"))
                .append("aggregateType", new BsonString("Case"))
                .append("aggregateId", new BsonString("case-o"))
                .append("sequence", new BsonInt64(0))
                .append("timestamp", new BsonString("2026-12-02T10:00:00Z"))
                .append("payloadType", new BsonString("Filed"))
                .append("payload", new BsonDocument("id", new BsonString("case-o")))
                .append("reservedAt", new BsonInt64(0))
                .append("commitEnd", new BsonInt64(decider)));
    tombstoneAt(decider);
    file("case-after", 0);
    assertThat(log.seal().size()).isEqualTo(5);
    byte[] root = log.root(5);

    // the engine removes such an event when a later commit of its aggregate needs the sequence
    events().deleteOne(Filters.eq("_id", "~orphan"));

    assertThat(log.verify(5, root).valid()).as(log.verify(5, root).reason()).isTrue();
    List<JsonNode> lines = exported();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(2).get("tombstone").asBoolean()).isTrue();
    assertThat(rootOf(lines, 5)).isEqualTo(root);
  }

  @Test
  void aSealedEventRemovedIsStillFound() {
    fileMany(5);
    log.seal();
    byte[] root = log.root(5);
    events().deleteOne(Filters.eq("globalIndex", 3L));

    assertThat(log.verify(5, root).firstBadPosition()).isEqualTo(3);
  }

  @Test
  void anUntouchedHistoryVerifies() {
    fileMany(20);
    log.seal();

    HistoryLog.Verification verification = log.verify(20, log.root(20));

    assertThat(verification.valid()).isTrue();
    assertThat(verification.checkedSize()).isEqualTo(20);
  }

  @Test
  void aChangedEventIsFoundAtItsPosition() {
    fileMany(20);
    log.seal();
    byte[] root = log.root(20);
    events().updateOne(Filters.eq("globalIndex", 7L), Updates.set("payload.lat", 48.0));

    assertThat(log.verify(20, root).firstBadPosition()).isEqualTo(7);
  }

  @Test
  void aChangedTimestampOrMetadataIsFoundToo() {
    fileMany(20);
    log.seal();
    byte[] root = log.root(20);
    events().updateOne(Filters.eq("globalIndex", 12L), Updates.set("metaData.actorId", "mallory"));
    events()
        .updateOne(
            Filters.eq("globalIndex", 15L), Updates.set("timestamp", "2020-01-01T00:00:00Z"));

    assertThat(log.verify(20, root).firstBadPosition()).isEqualTo(12);
  }

  @Test
  void aDeletedEventIsFoundAtItsPosition() {
    fileMany(20);
    log.seal();
    byte[] root = log.root(20);
    events().deleteOne(Filters.eq("globalIndex", 9L));

    HistoryLog.Verification verification = log.verify(20, root);

    assertThat(verification.firstBadPosition()).isEqualTo(9);
  }

  @Test
  void anInsertedEventIsFoundWhereItPushedTheHistoryOn() {
    fileMany(20);
    log.seal();
    byte[] root = log.root(20);
    for (long p = 20; p >= 5; p--) {
      events().updateOne(Filters.eq("globalIndex", p), Updates.set("globalIndex", p + 1));
    }
    BsonDocument forged = events().find(Filters.eq("globalIndex", 6L)).first().clone();
    forged.put("_id", new BsonString("forged/0000000000000000000"));
    forged.put("eventId", new BsonString("forged"));
    forged.put("aggregateId", new BsonString("forged"));
    forged.put("globalIndex", new BsonInt64(5));
    events().insertOne(forged);

    assertThat(log.verify(20, root).firstBadPosition()).isEqualTo(5);
  }

  @Test
  void twoSwappedEventsAreFoundAtTheFirst() {
    fileMany(20);
    log.seal();
    byte[] root = log.root(20);
    events().updateOne(Filters.eq("globalIndex", 4L), Updates.set("globalIndex", -4L));
    events().updateOne(Filters.eq("globalIndex", 11L), Updates.set("globalIndex", 4L));
    events().updateOne(Filters.eq("globalIndex", -4L), Updates.set("globalIndex", 11L));

    assertThat(log.verify(20, root).firstBadPosition()).isEqualTo(4);
  }

  @Test
  void aRewrittenTreeDoesNotMatchTheSignedRoot() {
    fileMany(20);
    log.seal();
    byte[] root = log.root(20);
    byte[] other = root.clone();
    other[0] ^= 1;

    HistoryLog.Verification verification = log.verify(20, other);

    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBadPosition()).isNull();
  }

  @Test
  void anOpenPositionWhoseLeaseHasCertainlyRunOutIsGivenUpAndSealed() throws Exception {
    JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JSON).build();
    MongoEventStorageEngine shortLease =
        MongoEventStorageEngine.builder()
            .database(database)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .positionBlockSize(1)
            .leaseAndGapTimeout(java.time.Duration.ofMillis(50), java.time.Duration.ofSeconds(60))
            .build();
    engine = shortLease;
    MongoHistoryLog giving =
        new MongoHistoryLog(database, shortLease.reader(), shortLease::giveUpAbandoned);
    fileMany(2);
    reserveAHole();
    file("case-after", 0);

    assertThat(giving.seal().size()).as("within the lease: waits").isEqualTo(2);
    Thread.sleep(300);
    assertThat(giving.seal().size()).isEqualTo(4);
    assertThat(exported().get(2).get("tombstone").asBoolean()).isTrue();
  }
}
