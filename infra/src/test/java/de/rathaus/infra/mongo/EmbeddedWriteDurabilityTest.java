package de.rathaus.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.rathaus.infra.Concurrently;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every acknowledged write of the embedded server is as durable as an event, whichever code writes
 * it: counters (case numbers, global positions), idempotency records, tokens and read models. A
 * copy of the data directory taken while the server runs is what {@code kill -9} leaves behind;
 * opening it must give back exactly the state the server had acknowledged, counters at their last
 * value, neither lower (numbers handed out twice) nor higher (an increment applied twice).
 */
class EmbeddedWriteDurabilityTest {

  private static final Duration NO_CHECKPOINTS = Duration.ofHours(1);

  @TempDir Path dataDir;
  @TempDir Path crashCopy;

  @ParameterizedTest(name = "fsync {0}")
  @ValueSource(booleans = {false, true})
  void aCrashCopyHoldsEveryAcknowledgedWriteOfEveryKind(boolean fsync) throws Exception {
    Map<String, Object> acknowledged;
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, fsync, NO_CHECKPOINTS);
        MongoClient client = MongoClients.create(server.connectionString())) {
      writeEveryKind(client, "before-");
      server.commit(); // some writes in the store file, the later ones only since
      writeEveryKind(client, "after-");
      acknowledged = contents(client);
      copy(dataDir, crashCopy);
    }

    try (EmbeddedMongoServer restarted = EmbeddedMongoServer.start(crashCopy, NO_CHECKPOINTS);
        MongoClient client = MongoClients.create(restarted.connectionString())) {
      assertThat(
              client
                  .getDatabase("rathaus")
                  .getCollection("case_numbers")
                  .find(Filters.eq("_id", "HN-2026"))
                  .first()
                  .get("last", Number.class)
                  .longValue())
          .as("the case number counter, at its last acknowledged value")
          .isEqualTo(2 * 40);
      Map<String, Object> recovered = contents(client);
      assertThat(recovered.keySet()).isEqualTo(acknowledged.keySet());
      recovered.forEach(
          (name, content) -> assertThat(content).as(name).isEqualTo(acknowledged.get(name)));
      // the unique index came back as an index, not only as a description
      MongoCollection<Document> views = client.getDatabase("rathaus").getCollection("views");
      Assertions.assertThatThrownBy(
              () -> views.insertOne(new Document("_id", "dup").append("code", "before-code-1")))
          .isInstanceOf(MongoWriteException.class);
    }
  }

  @ParameterizedTest(name = "fsync {0}")
  @ValueSource(booleans = {false, true})
  void aCheckpointCutShortBeforeItDroppedTheJournalAppliesNothingTwice(boolean fsync)
      throws Exception {
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, fsync, NO_CHECKPOINTS);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> counters = client.getDatabase("rathaus").getCollection("counters");
      for (int i = 0; i < 40; i++) {
        next(counters, "c");
      }
      copy(dataDir.resolve("journal"), crashCopy.resolve("journal"));
      // the store is committed, and the process dies before the journal behind it is dropped
      server.commit();
      Files.copy(
          dataDir.resolve(EmbeddedMongoServer.FILE_NAME),
          crashCopy.resolve(EmbeddedMongoServer.FILE_NAME));
      for (int i = 0; i < 5; i++) {
        next(counters, "c");
      }
      copy(dataDir.resolve("journal"), crashCopy.resolve("journal"));
    }

    try (EmbeddedMongoServer restarted = EmbeddedMongoServer.start(crashCopy, NO_CHECKPOINTS);
        MongoClient client = MongoClients.create(restarted.connectionString())) {
      MongoCollection<Document> counters = client.getDatabase("rathaus").getCollection("counters");
      assertThat(counters.find().first().get("value", Number.class).longValue()).isEqualTo(45);
      assertThat(next(counters, "c")).isEqualTo(46);
    }
  }

  private static long next(MongoCollection<Document> counters, String id) {
    return counters
        .findOneAndUpdate(
            Filters.eq("_id", id),
            Updates.inc("value", 1L),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
        .get("value", Number.class)
        .longValue();
  }

  /** Writes of every kind the engine's code sends, to several collections of two databases. */
  private static void writeEveryKind(MongoClient client, String phase) throws Exception {
    MongoDatabase rathaus = client.getDatabase("rathaus");
    MongoDatabase other = client.getDatabase("other");

    // case numbers: $inc through findAndModify with upsert, also from several threads at once
    MongoCollection<Document> caseNumbers = rathaus.getCollection("case_numbers");
    for (int i = 0; i < 20; i++) {
      caseNumbers.findOneAndUpdate(
          Filters.eq("_id", "HN-2026"),
          Updates.inc("last", 1L),
          new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }
    Concurrently.run(
        4,
        20,
        () ->
            caseNumbers.findOneAndUpdate(
                Filters.eq("_id", "HN-2026"),
                Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));

    // global positions in blocks, in another database
    MongoCollection<Document> positions = other.getCollection("eventstore_counters");
    for (int i = 0; i < 5; i++) {
      positions.findOneAndUpdate(
          Filters.eq("_id", "globalIndex"),
          Updates.inc("value", 32L),
          new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }

    // events: inserts, one failing part-way on a unique key
    MongoCollection<Document> events = other.getCollection("events");
    events.createIndex(Indexes.ascending("globalIndex"), new IndexOptions().unique(true));
    List<Document> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(new Document("_id", phase + "e" + i).append("globalIndex", phase + i));
    }
    events.insertMany(batch);
    try {
      events.insertMany(
          List.of(
              new Document("_id", phase + "late").append("globalIndex", phase + "late"),
              new Document("_id", phase + "clash").append("globalIndex", phase + 3)),
          new InsertManyOptions().ordered(true));
    } catch (RuntimeException refused) {
      // the first one stays, as on MongoDB
    }

    // tokens: upserts by _id, updated again and again
    MongoCollection<Document> tokens = rathaus.getCollection("tokens");
    for (int i = 0; i < 10; i++) {
      tokens.updateOne(
          Filters.eq("_id", "processor/" + (i % 3)),
          Updates.combine(Updates.set("token", phase + i), Updates.inc("updates", 1)),
          new UpdateOptions().upsert(true));
    }

    // read models: replaced with upsert, some deleted again, a unique index on a field
    MongoCollection<Document> views = rathaus.getCollection("views");
    views.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
    for (int i = 0; i < 12; i++) {
      views.replaceOne(
          Filters.eq("_id", phase + "v" + i),
          new Document("code", phase + "code-" + i).append("version", 1),
          new ReplaceOptions().upsert(true));
    }
    views.replaceOne(
        Filters.eq("_id", phase + "v2"),
        new Document("code", phase + "code-2").append("version", 2));
    views.deleteOne(Filters.eq("_id", phase + "v3"));
    views.deleteMany(Filters.in("_id", phase + "v5", phase + "v6", phase + "v7"));
    views.findOneAndDelete(Filters.eq("_id", phase + "v8"));
    views.updateMany(Filters.eq("version", 1), Updates.inc("version", 10));

    // idempotency records: upserts whose _id the server makes, found later by a field
    MongoCollection<Document> keys = rathaus.getCollection("idempotency_keys");
    BsonValue made =
        keys.updateOne(
                Filters.eq("key", phase + "k1"),
                Updates.combine(Updates.set("state", "running"), Updates.inc("tries", 1)),
                new UpdateOptions().upsert(true))
            .getUpsertedId();
    keys.updateOne(Filters.eq("_id", made), Updates.set("state", "done"));
    keys.findOneAndUpdate(
        Filters.eq("key", phase + "k2"),
        Updates.set("state", "running"),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    keys.findOneAndReplace(
        Filters.eq("key", phase + "k3"),
        new Document("key", phase + "k3").append("state", "replaced"),
        new com.mongodb.client.model.FindOneAndReplaceOptions().upsert(true));
    // an insert without _id, which the server completes itself
    rathaus.runCommand(
        new Document("insert", "notes")
            .append("documents", List.of(new Document("text", phase + "note"))));
    rathaus.getCollection("notes").updateMany(Filters.exists("text"), Updates.inc("seen", 1));

    // time the server takes itself
    rathaus
        .getCollection("stamps")
        .updateOne(
            Filters.eq("_id", phase + "stamp"),
            Updates.currentDate("at"),
            new UpdateOptions().upsert(true));

    // a collection dropped, an index dropped
    MongoCollection<Document> scratch = rathaus.getCollection("scratch_" + phase);
    scratch.insertOne(new Document("_id", 1));
    scratch.drop();
    MongoCollection<Document> indexed = rathaus.getCollection("indexed");
    indexed.createIndex(Indexes.ascending(phase + "field"), new IndexOptions().unique(true));
    indexed.insertOne(new Document("_id", phase).append(phase + "field", 1));
    if (phase.startsWith("after")) {
      indexed.dropIndex(Indexes.ascending("before-field"));
    }
  }

  /** Every document of every collection, and every index, of the databases written above. */
  private static Map<String, Object> contents(MongoClient client) {
    Map<String, Object> contents = new TreeMap<>();
    for (String name : List.of("rathaus", "other")) {
      MongoDatabase database = client.getDatabase(name);
      for (String collection : database.listCollectionNames()) {
        Map<String, Document> documents = new TreeMap<>();
        database
            .getCollection(collection)
            .find()
            .forEach(document -> documents.put(String.valueOf(document.get("_id")), document));
        contents.put(name + "." + collection, documents);
        Set<String> indexes = new TreeSet<>();
        database
            .getCollection(collection)
            .listIndexes()
            .forEach(
                index ->
                    indexes.add(
                        index.getString("name")
                            + index.get("key", Document.class).toJson()
                            + index.getBoolean("unique", false)));
        contents.put(name + "." + collection + " indexes", indexes);
      }
    }
    return contents;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
