package de.rathaus.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.infra.audit.MongoAuditIndex.Entry;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoAuditIndexTest {

  private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");

  @TempDir static Path dataDir;
  private static EmbeddedMongoServer server;
  private static MongoClient client;
  private MongoDatabase database;
  private MongoAuditIndex index;

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
    database = client.getDatabase("audit-" + System.nanoTime());
    index = new MongoAuditIndex(database);
  }

  private List<Long> positions(MongoAuditIndex of, String key) {
    return of.range(key, 1, 100).stream().map(Entry::position).toList();
  }

  @Test
  void givesEachKeyDenseOrdinalsInTheOrderItLearnsEvents() {
    index.record(3, T0, Set.of("actor:anna", "type:A"));
    index.record(5, T0, Set.of("actor:ben", "type:A"));
    index.record(4, T0, Set.of("actor:anna"));

    assertThat(index.range("type:A", 1, 10))
        .extracting(Entry::ordinal, Entry::position)
        .containsExactly(tuple(1L, 3L), tuple(2L, 5L));
    assertThat(positions(index, "actor:anna")).containsExactly(3L, 4L);
    assertThat(positions(index, "actor:ben")).containsExactly(5L);
  }

  @Test
  void aRedeliveredEventKeepsItsOneEntry() {
    index.record(3, T0, Set.of("actor:anna"));
    index.record(4, T0, Set.of("actor:anna"));
    index.record(3, T0, Set.of("actor:anna"));
    new MongoAuditIndex(database).record(4, T0, Set.of("actor:anna"));

    assertThat(positions(index, "actor:anna")).containsExactly(3L, 4L);
  }

  @Test
  void aRedeliveredEventLeavesNoHoleForTheNextOne() {
    index.record(3, T0, Set.of("actor:anna"));
    index.record(4, T0, Set.of("actor:anna"));
    index.record(3, T0, Set.of("actor:anna", "type:A")); // redelivered, with one key it lacked
    index.record(5, T0, Set.of("actor:anna", "type:A"));

    assertThat(index.range("actor:anna", 1, 10))
        .extracting(Entry::ordinal, Entry::position)
        .containsExactly(tuple(1L, 3L), tuple(2L, 4L), tuple(3L, 5L));
    assertThat(index.range("type:A", 1, 10))
        .extracting(Entry::ordinal, Entry::position)
        .containsExactly(tuple(1L, 3L), tuple(2L, 5L));
  }

  @Test
  void anotherWriterContinuesAtTheNextFreeOrdinal() {
    index.record(1, T0, Set.of("type:A"));
    MongoAuditIndex other = new MongoAuditIndex(database);
    other.record(2, T0, Set.of("type:A"));
    index.record(3, T0, Set.of("type:A")); // its remembered highest ordinal is stale

    assertThat(positions(index, "type:A")).containsExactly(1L, 2L, 3L);
  }

  @Test
  void concurrentWritersOfOneKeyLeaveNoHoleAndNoDuplicate() throws Exception {
    MongoAuditIndex second = new MongoAuditIndex(database);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      long position = i;
      MongoAuditIndex writer = i % 2 == 0 ? index : second;
      done.add(
          pool.submit(
              () -> writer.record(position, T0, Set.of("type:A", "actor:x" + position % 3))));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    List<Entry> entries = new ArrayList<>();
    entries.addAll(index.range("type:A", 1, 100));
    entries.addAll(index.range("type:A", 101, 100));
    entries.addAll(index.range("type:A", 201, 100));
    assertThat(entries).extracting(Entry::ordinal).containsExactlyElementsOf(range(1, 200));
    assertThat(entries).extracting(Entry::position).doesNotHaveDuplicates().hasSize(200);
  }

  @Test
  void findsTheFirstOrdinalAfterAPositionAndAtAnInstant() {
    for (int i = 1; i <= 37; i++) {
      index.record(i * 10L, T0.plusSeconds(i), Set.of("type:A"));
    }

    assertThat(index.firstOrdinal("type:A", e -> e.position() > 125)).isEqualTo(13);
    assertThat(index.firstOrdinal("type:A", e -> !e.timestamp().isBefore(T0.plusSeconds(20))))
        .isEqualTo(20);
    assertThat(index.firstOrdinal("type:A", e -> false)).isEqualTo(38);
    assertThat(index.firstOrdinal("type:none", e -> false)).isEqualTo(1);
  }

  @Test
  void clearEmptiesTheIndex() {
    index.record(1, T0, Set.of("type:A"));
    index.clear();
    index.record(2, T0, Set.of("type:A"));

    assertThat(positions(index, "type:A")).containsExactly(2L);
  }

  private static List<Long> range(long first, long last) {
    List<Long> all = new ArrayList<>();
    for (long i = first; i <= last; i++) {
      all.add(i);
    }
    return all;
  }
}
