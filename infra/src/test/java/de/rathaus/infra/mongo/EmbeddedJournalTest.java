package de.rathaus.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal of the embedded server: a copy of the data directory taken while the server runs is
 * what a killed process leaves behind; opening it must bring back every journaled document.
 */
class EmbeddedJournalTest {

  @TempDir Path dataDir;
  @TempDir Path crashCopy;

  @Test
  void aCrashCopyOfTheDataDirectoryRecoversEveryJournaledAppend() throws IOException {
    MongoNamespace events = new MongoNamespace("rathaus", "events");
    MongoNamespace counter = new MongoNamespace("rathaus", "eventstore_counters");
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Duration.ofHours(1));
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<BsonDocument> collection =
          client.getDatabase("rathaus").getCollection("events", BsonDocument.class);
      collection.insertOne(event(0)); // created and committed before the burst
      server.commit();
      for (int i = 1; i <= 50; i++) {
        List<BsonDocument> batch = List.of(event(i));
        collection.insertMany(new ArrayList<>(batch));
        server.durability().appended(events, counter, batch, i);
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
    MongoNamespace events = new MongoNamespace("rathaus", "events");
    MongoNamespace counter = new MongoNamespace("rathaus", "eventstore_counters");
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Duration.ofHours(1))) {
      server.durability().appended(events, counter, List.of(event(1)), 1);
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
