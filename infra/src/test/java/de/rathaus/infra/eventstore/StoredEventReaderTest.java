package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredEventReaderTest {

  @TempDir Path dataDir;
  private EmbeddedStoreFixture store;
  private MongoEventStorageEngine engine;

  @BeforeEach
  void start() {
    store = new EmbeddedStoreFixture(dataDir);
    engine = store.build();
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private static DomainEventMessage<?> noted(String aggregate, long seq) {
    return new GenericDomainEventMessage<>(
        "Case",
        aggregate,
        seq,
        new TestEvents.Noted(aggregate, (int) seq, List.of("a")),
        MetaData.with("actorId", "clerk-7"));
  }

  @Test
  void readsEventsByPositionInOrderWithTheirPlaceAndMetadata() {
    engine.appendEvents(noted("case-1", 0), noted("case-1", 1));
    engine.appendEvents(noted("case-2", 0));

    List<RecordedEvent> read = engine.reader().atPositions(List.of(3L, 1L, 2L, 99L));

    assertThat(read).extracting(RecordedEvent::position).containsExactly(1L, 2L, 3L);
    assertThat(read.get(2).aggregateId()).isEqualTo("case-2");
    assertThat(read.get(1).sequence()).isEqualTo(1);
    assertThat(read.get(0).aggregateType()).isEqualTo("Case");
    assertThat(read.get(0).payloadType()).endsWith("Noted");
    assertThat(read.get(0).metaData().path("actorId").asText()).isEqualTo("clerk-7");
    assertThat(engine.reader().head()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void leavesTombstonesAndAbortedCommitsOut() {
    engine.appendEvents(noted("case-1", 0));
    var events = store.database.getCollection("events", BsonDocument.class);
    BsonDocument stored = events.find(new BsonDocument("globalIndex", new BsonInt64(1))).first();
    // a commit of two at positions 10 and 11 whose last position was given up: aborted
    BsonDocument aborted = stored.clone();
    aborted.put("_id", new BsonString(EventDocuments.documentId("case-9", 0)));
    aborted.put("aggregateId", new BsonString("case-9"));
    aborted.put("eventId", new BsonString("aborted-1"));
    aborted.put("globalIndex", new BsonInt64(10));
    aborted.put("commitEnd", new BsonInt64(11));
    events.insertOne(aborted);
    events.insertOne(EventDocuments.tombstone(11));
    events.insertOne(EventDocuments.tombstone(12));

    assertThat(engine.reader().atPositions(List.of(1L, 10L, 11L, 12L)))
        .extracting(RecordedEvent::position)
        .containsExactly(1L);
    assertThat(engine.reader().ofAggregate("case-9")).isEmpty();
  }

  @Test
  void readsAnAggregatesEventsBySequence() {
    for (int i = 0; i < 130; i++) {
      engine.appendEvents(noted("case-long", i));
    }

    List<RecordedEvent> history = engine.reader().ofAggregate("case-long");

    assertThat(history).hasSize(130);
    assertThat(history.get(129).sequence()).isEqualTo(129);
    assertThat(engine.reader().ofAggregate("nothing")).isEmpty();
  }
}
