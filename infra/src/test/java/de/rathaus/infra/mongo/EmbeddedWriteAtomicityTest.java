package de.rathaus.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.rathaus.infra.Concurrently;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One write of the embedded server is atomic, as on MongoDB: counters taken concurrently with
 * {@code $inc} never hand out a value twice (case numbers, global positions), and of concurrent
 * inserts with the same unique key exactly one lands. Both failed before writes were serialized.
 */
class EmbeddedWriteAtomicityTest {

  private static final int THREADS = 16;

  @TempDir Path dataDir;

  private static <T> List<T> concurrently(int times, Callable<T> task) throws Exception {
    return Concurrently.run(THREADS, times, task);
  }

  @Test
  void countersNeverHandOutAValueTwice() throws Exception {
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Duration.ofHours(1));
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> counters = client.getDatabase("t").getCollection("counters");
      List<Long> taken =
          concurrently(
              800,
              () ->
                  counters
                      .findOneAndUpdate(
                          Filters.eq("_id", "c"),
                          Updates.inc("value", 1L),
                          new FindOneAndUpdateOptions()
                              .upsert(true)
                              .returnDocument(ReturnDocument.AFTER))
                      .get("value", Number.class)
                      .longValue());

      assertThat(new HashSet<>(taken)).hasSize(800);
      assertThat(counters.find().first().get("value", Number.class).longValue()).isEqualTo(800);
    }
  }

  @Test
  void ofConcurrentInsertsWithOneUniqueKeyExactlyOneLands() throws Exception {
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Duration.ofHours(1));
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> events = client.getDatabase("t").getCollection("events");
      events.createIndex(Indexes.ascending("position"), new IndexOptions().unique(true));
      for (int round = 0; round < 20; round++) {
        int position = round;
        List<Boolean> landed =
            concurrently(
                THREADS,
                () -> {
                  try {
                    events.insertOne(new Document("position", position));
                    return true;
                  } catch (MongoWriteException e) {
                    assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                        .isEqualTo(ErrorCategory.DUPLICATE_KEY);
                    return false;
                  }
                });
        assertThat(landed).filteredOn(b -> b).hasSize(1);
      }
      Set<Object> positions = new HashSet<>();
      events.find().forEach(d -> positions.add(d.get("position")));
      assertThat(positions).hasSize(20);
      assertThat(events.countDocuments()).isEqualTo(20);
    }
  }
}
