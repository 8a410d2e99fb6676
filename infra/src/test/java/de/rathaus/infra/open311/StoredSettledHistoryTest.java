package de.rathaus.infra.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.rathaus.application.open311.SettledHistory;
import de.rathaus.application.open311.SettledHistory.Reference;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settled history on the engine's own store: the events of one aggregate type after a position,
 * in position order; bounded by events and positions; never past a position that is still open, so
 * that a reader going on after what it read misses nothing.
 */
class StoredSettledHistoryTest {

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private MongoEventStorageEngine engine;
  private final AtomicBoolean giveUp = new AtomicBoolean();
  private final List<Long> askedToGiveUp = new ArrayList<>();
  private SettledHistory history;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("rathaus");
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
    engine =
        MongoEventStorageEngine.builder()
            .database(database)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .positionBlockSize(1) // one position per reservation: the tests place gaps themselves
            .build();
    engine.ensureIndexes();
    history =
        new StoredSettledHistory(
            engine.reader(),
            position -> {
              askedToGiveUp.add(position);
              return giveUp.get() && engine.giveUpAbandoned(position);
            });
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void append(String type, String aggregate, long sequence) {
    DomainEventMessage<?> event =
        new GenericDomainEventMessage<>(type, aggregate, sequence, Map.of("n", sequence));
    engine.appendEvents(event);
  }

  @Test
  void readsTheEventsOfOneAggregateTypeInPositionOrder() {
    append("ServiceRequest", "r-1", 0);
    append("Department", "department:x", 0);
    append("ServiceRequest", "r-2", 0);
    append("ServiceRequest", "r-1", 1);

    SettledHistory.Slice slice = history.after(0, "ServiceRequest", 100, 1000);

    assertThat(slice.events())
        .containsExactly(
            new Reference(1, "r-1", 0), new Reference(3, "r-2", 0), new Reference(4, "r-1", 1));
    assertThat(slice.readTo()).isEqualTo(4);
    assertThat(history.after(4, "ServiceRequest", 100, 1000))
        .isEqualTo(new SettledHistory.Slice(List.of(), 4));
    assertThat(history.after(2, "ServiceRequest", 100, 1000).events())
        .extracting(Reference::position)
        .containsExactly(3L, 4L);
  }

  @Test
  void stopsAtTheEventThatFillsItAndAtTheLastPositionItMayRead() {
    for (int i = 0; i < 250; i++) {
      append(i % 2 == 0 ? "ServiceRequest" : "Proposal", "a-" + i, 0);
    }

    SettledHistory.Slice byEvents = history.after(0, "ServiceRequest", 3, 1000);
    assertThat(byEvents.events()).extracting(Reference::position).containsExactly(1L, 3L, 5L);
    assertThat(byEvents.readTo()).isEqualTo(5);

    SettledHistory.Slice byPositions = history.after(0, "ServiceRequest", 1000, 150);
    assertThat(byPositions.readTo()).isEqualTo(150);
    assertThat(byPositions.events()).hasSize(75);

    SettledHistory.Slice rest = history.after(150, "ServiceRequest", 1000, 1000);
    assertThat(rest.readTo()).isEqualTo(250);
    assertThat(rest.events()).hasSize(50);
    assertThat(rest.events().get(0).position()).isEqualTo(151);
  }

  @Test
  void goesNoFurtherThanAPositionThatIsStillOpenUntilItIsSettled() {
    append("ServiceRequest", "r-1", 0);
    append("ServiceRequest", "r-2", 0);
    // a commit of two at positions 3 and 4 whose last event is not stored yet: undecided
    var events = database.getCollection("events", BsonDocument.class);
    BsonDocument stored = events.find(new BsonDocument("globalIndex", new BsonInt64(2))).first();
    BsonDocument slow = stored.clone();
    slow.put("_id", new BsonString("r-3/0000000000000000000"));
    slow.put("aggregateId", new BsonString("r-3"));
    slow.put("eventId", new BsonString("slow-1"));
    slow.put("globalIndex", new BsonInt64(3));
    slow.put("commitEnd", new BsonInt64(4));
    events.insertOne(slow);
    database
        .getCollection("eventstore_counters")
        .updateOne(Filters.eq("_id", "globalIndex"), Updates.set("value", 6L));
    BsonDocument later = stored.clone();
    later.put("_id", new BsonString("r-4/0000000000000000000"));
    later.put("aggregateId", new BsonString("r-4"));
    later.put("eventId", new BsonString("later-1"));
    later.put("globalIndex", new BsonInt64(5));
    later.remove("commitEnd");
    events.insertOne(later);

    SettledHistory.Slice before = history.after(0, "ServiceRequest", 100, 1000);
    assertThat(before.events()).extracting(Reference::position).containsExactly(1L, 2L);
    assertThat(before.readTo()).isEqualTo(2);
    assertThat(history.after(2, "ServiceRequest", 100, 1000).readTo()).isEqualTo(2);
    assertThat(askedToGiveUp).contains(3L);

    // the commit's last event lands: both are settled, and so is what follows up to the next gap
    BsonDocument decider = slow.clone();
    decider.put("_id", new BsonString("r-3/0000000000000000001"));
    decider.put("sequence", new BsonInt64(1));
    decider.put("eventId", new BsonString("slow-2"));
    decider.put("globalIndex", new BsonInt64(4));
    decider.remove("commitEnd");
    events.insertOne(decider);

    SettledHistory.Slice after = history.after(2, "ServiceRequest", 100, 1000);
    assertThat(after.events()).extracting(Reference::position).containsExactly(3L, 4L, 5L);
    assertThat(after.readTo()).isEqualTo(5); // position 6 is reserved and empty: open
  }

  @Test
  void asksToGiveUpTheOpenPositionThatHoldsItBackAndReadsOnIfItIsGivenUp() {
    append("ServiceRequest", "r-1", 0);
    database
        .getCollection("eventstore_counters")
        .updateOne(Filters.eq("_id", "globalIndex"), Updates.set("value", 2L));
    append("ServiceRequest", "r-2", 0); // at 3, above an empty 2
    append("ServiceRequest", "r-3", 0);
    SettledHistory givingUp =
        new StoredSettledHistory(
            engine.reader(),
            position -> {
              askedToGiveUp.add(position);
              database
                  .getCollection("events", Document.class)
                  .insertOne(
                      new Document("_id", "~tomb/" + position)
                          .append("globalIndex", position)
                          .append("eventId", "~tomb/" + position)
                          .append("tombstone", true));
              return true;
            });

    SettledHistory.Slice slice = givingUp.after(0, "ServiceRequest", 100, 1000);

    assertThat(askedToGiveUp).contains(2L);
    assertThat(slice.events()).extracting(Reference::position).containsExactly(1L, 3L, 4L);
    assertThat(slice.readTo()).isEqualTo(4);
  }

  @Test
  void anOpenPositionGivenUpIsSkipped() {
    append("ServiceRequest", "r-1", 0);
    database
        .getCollection("eventstore_counters")
        .updateOne(Filters.eq("_id", "globalIndex"), Updates.set("value", 2L));
    append("ServiceRequest", "r-2", 0); // at 3, above an empty 2

    assertThat(history.after(0, "ServiceRequest", 100, 1000).readTo()).isEqualTo(1);

    // a tombstone at 2, as the engine writes one when a gap is given up
    database
        .getCollection("events", Document.class)
        .insertOne(
            new Document("_id", "~tomb/2")
                .append("globalIndex", 2L)
                .append("eventId", "~tomb/2")
                .append("tombstone", true));
    SettledHistory.Slice slice = history.after(0, "ServiceRequest", 100, 1000);
    assertThat(slice.events()).extracting(Reference::position).containsExactly(1L, 3L);
  }
}
