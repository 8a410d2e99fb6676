package de.rathaus.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal of the embedded server: a copy of the data directory taken while the server runs is
 * what a killed process leaves behind; opening it must bring back every acknowledged write. (The
 * server journals every write itself; the event store's own hook has nothing left to do.)
 */
class EmbeddedJournalTest {

  @TempDir Path dataDir;
  @TempDir Path crashCopy;

  @Test
  void aCrashCopyOfTheDataDirectoryRecoversEveryJournaledAppend() throws IOException {
    String counter = "eventstore_counters";
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Duration.ofHours(1));
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<BsonDocument> collection =
          client.getDatabase("rathaus").getCollection("events", BsonDocument.class);
      MongoCollection<Document> positions = client.getDatabase("rathaus").getCollection(counter);
      collection.insertOne(event(0)); // created and committed before the burst
      server.commit();
      for (int i = 1; i <= 50; i++) {
        // as an append does: reserve the position, then insert
        positions.findOneAndUpdate(
            Filters.eq("_id", "globalIndex"),
            Updates.inc("value", 1L),
            new FindOneAndUpdateOptions().upsert(true));
        List<BsonDocument> batch = List.of(event(i));
        collection.insertMany(new ArrayList<>(batch));
      }
      copy(dataDir, crashCopy); // the file holds 1 event, the journal 50
    }

    try (EmbeddedMongoServer restarted = EmbeddedMongoServer.start(crashCopy);
        MongoClient client = MongoClients.create(restarted.connectionString())) {
      assertThat(client.getDatabase("rathaus").getCollection("events").countDocuments())
          .isEqualTo(51);
      Document positions =
          client
              .getDatabase("rathaus")
              .getCollection("eventstore_counters")
              .find(new Document("_id", "globalIndex"))
              .first();
      assertThat(positions.get("value", Number.class).longValue()).isEqualTo(50);
    }
    try (Stream<Path> left = Files.list(crashCopy.resolve("journal"))) {
      assertThat(left).as("the journal is dropped once recovered").isEmpty();
    }
  }

  @Test
  void aTornRecordAtTheEndIsIgnored() throws IOException {
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Duration.ofHours(1));
        MongoClient client = MongoClients.create(server.connectionString())) {
      client
          .getDatabase("rathaus")
          .getCollection("events", BsonDocument.class)
          .insertOne(event(1)); // journaled only: the store file was never committed
      copy(dataDir, crashCopy);
    }
    Path segment;
    try (Stream<Path> files = Files.list(crashCopy.resolve("journal"))) {
      segment = files.findFirst().orElseThrow();
    }
    Files.write(segment, new byte[] {0, 0, 1, 0, 7, 7}, java.nio.file.StandardOpenOption.APPEND);

    try (EmbeddedMongoServer restarted = EmbeddedMongoServer.start(crashCopy);
        MongoClient client = MongoClients.create(restarted.connectionString())) {
      assertThat(client.getDatabase("rathaus").getCollection("events").countDocuments())
          .isEqualTo(1);
    }
  }

  @Test
  void aJournalOfTheEarlierFormatIsRecoveredOnUpgrade() throws IOException {
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Duration.ofHours(1));
        MongoClient client = MongoClients.create(server.connectionString())) {
      client.getDatabase("rathaus").getCollection("events", BsonDocument.class).insertOne(event(0));
    }
    // as the earlier version left a killed engine's directory: store format v2, no journal number,
    // the events appended since its last commit in a segment of its own journal
    MVStore store = MVStore.open(dataDir.resolve(EmbeddedMongoServer.FILE_NAME).toString());
    MVMap<String, String> format = store.openMap(FastH2Backend.FORMAT_MAP);
    format.put("format", "bson-documents,value-ordered-indexes,v2");
    format.remove(FastH2Backend.JOURNALED_UP_TO);
    store.close();
    BsonDocument record =
        new BsonDocument("db", new BsonString("rathaus"))
            .append("events", new BsonString("events"))
            .append("counter", new BsonString("eventstore_counters"))
            .append("highest", new BsonInt64(2))
            .append("documents", new BsonArray(List.of(event(0), event(1), event(2))));
    ByteBuffer bson = new RawBsonDocument(record, new BsonDocumentCodec()).getByteBuffer().asNIO();
    byte[] bytes = new byte[bson.remaining()];
    bson.get(bytes);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    ByteBuffer framed = ByteBuffer.allocate(8 + bytes.length);
    framed.putInt(bytes.length).putInt((int) crc.getValue()).put(bytes);
    Files.write(dataDir.resolve("journal").resolve("segment-000000000001.wal"), framed.array());

    try (EmbeddedMongoServer restarted = EmbeddedMongoServer.start(dataDir);
        MongoClient client = MongoClients.create(restarted.connectionString())) {
      assertThat(client.getDatabase("rathaus").getCollection("events").countDocuments())
          .isEqualTo(3);
      assertThat(
              client
                  .getDatabase("rathaus")
                  .getCollection("eventstore_counters")
                  .find(new Document("_id", "globalIndex"))
                  .first()
                  .get("value", Number.class)
                  .longValue())
          .isEqualTo(2);
    }
    try (Stream<Path> left = Files.list(dataDir.resolve("journal"))) {
      assertThat(left).as("the earlier journal is dropped once recovered").isEmpty();
    }
  }

  private static BsonDocument event(long position) {
    return new BsonDocument("_id", new BsonString("case/" + position))
        .append("globalIndex", new BsonInt64(position))
        .append("payload", new BsonDocument("n", new BsonInt64(position)));
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
