package de.rathaus.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.rathaus.application.audit.AuditEvent;
import de.rathaus.application.audit.AuditEventPage;
import de.rathaus.application.audit.AuditKeys;
import de.rathaus.application.audit.Disclosure;
import de.rathaus.application.audit.ListAuditEvents;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.eventstore.RecordedEvent;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail on the embedded server: the store read by position and through the index. */
class MongoAuditTrailTest {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");

  /** A payload as the protecting mapper stores it: a personal value is an envelope. */
  record Filed(String id, Map<String, String> name, String proposal) {}

  @TempDir static Path dataDir;
  private static EmbeddedMongoServer server;
  private static MongoClient client;
  private MongoDatabase database;
  private MongoEventStorageEngine engine;
  private MongoAuditIndex index;
  private MongoAuditTrail trail;

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
    database = client.getDatabase("trail-" + System.nanoTime());
    JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JSON).build();
    engine =
        MongoEventStorageEngine.builder()
            .database(database)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .build();
    engine.ensureIndexes();
    index = new MongoAuditIndex(database);
    trail = new MongoAuditTrail(engine.reader(), index, new Disclosures(JSON, JSON));
  }

  /** Appends an event of aggregate {@code id} and enters it into the index, as the projection. */
  private void file(String id, long sequence, String actor, String proposal) {
    Filed payload = new Filed(id, Map.of("$pd", "v2.k1.c2VjcmV0.citizen-1"), proposal);
    engine.appendEvents(
        new GenericDomainEventMessage<>(
            "Case",
            id,
            sequence,
            payload,
            MetaData.with("actorId", actor).and("correlationId", "c-" + id)));
    RecordedEvent stored = engine.reader().ofAggregate(id).get((int) sequence);
    index.record(
        stored.position(), T0, AuditKeys.of("Case", "Filed", actor, null, "c-" + id, proposal));
  }

  private static ListAuditEvents query(
      String actor, String type, Long after, String cursor, int size) {
    return new ListAuditEvents(
        null,
        null,
        type,
        actor,
        null,
        null,
        null,
        null,
        null,
        after,
        cursor,
        size,
        Disclosure.MASKED);
  }

  @Test
  void masksEveryPersonalValueByItsStoredShape() {
    file("case-1", 0, "clara", null);

    AuditEvent event = trail.history("case-1", Disclosure.MASKED).get(0);

    assertThat(event.payload().toString()).contains(AuditEvent.PERSONAL).doesNotContain("$pd");
    assertThat(event.type()).isEqualTo("Filed");
    assertThat(event.actor().id()).isEqualTo("clara");
    assertThat(event.correlationId()).isEqualTo("c-case-1");
  }

  @Test
  void pagesOneActorsEventsThroughTheIndexToTheLastPage() {
    for (int i = 0; i < 7; i++) {
      file("case-" + i, 0, i % 2 == 0 ? "clara" : "carl", null);
    }

    List<Long> positions = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      AuditEventPage page = trail.list(query("clara", null, null, cursor, 2));
      page.items().forEach(e -> positions.add(e.position()));
      cursor = page.next();
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(2);
    assertThat(positions).hasSize(4).isSorted().doesNotHaveDuplicates();
    assertThat(trail.list(query("clara", "Other", null, null, 10)).items())
        .as("a second filter is checked on the events read")
        .isEmpty();
  }

  @Test
  void afterAPositionStartsTheFilteredTrailBehindIt() {
    for (int i = 0; i < 6; i++) {
      file("case-" + i, 0, "clara", null);
    }
    long third = trail.list(query("clara", null, null, null, 3)).items().get(2).position();

    AuditEventPage rest = trail.list(query("clara", null, third, null, 10));

    assertThat(rest.items()).hasSize(3).allMatch(e -> e.position() > third);
    assertThat(rest.next()).isNull();
  }

  @Test
  void pagesTheWholeStoreByPositionWithoutAFilter() {
    for (int i = 0; i < 5; i++) {
      file("case-" + i, 0, "clara", null);
    }

    AuditEventPage first = trail.list(query(null, null, null, null, 3));
    AuditEventPage second = trail.list(query(null, null, null, first.next(), 3));

    assertThat(first.items()).extracting(AuditEvent::aggregateId).hasSize(3);
    assertThat(second.items()).hasSize(2);
    assertThat(second.next()).isNull();
  }

  @Test
  void aCommitThatLandsLateBelowAStoredEventIsNotPassedByWithoutAFilter() {
    file("case-a", 0, "clara", null);
    file("case-b", 0, "clara", null);
    file("case-c", 0, "clara", null);
    // case-b's commit is slow: its position is reserved, the events after it are stored
    MongoCollection<BsonDocument> events = database.getCollection("events", BsonDocument.class);
    BsonDocument late = events.findOneAndDelete(Filters.eq("aggregateId", "case-b"));

    AuditEventPage before = trail.list(query(null, null, null, null, 50));
    events.insertOne(late);
    AuditEventPage after = trail.list(query(null, null, null, before.next(), 50));

    assertThat(before.items()).extracting(AuditEvent::aggregateId).containsExactly("case-a");
    assertThat(before.next()).as("the trail waits at the open position").isNotNull();
    assertThat(after.items())
        .extracting(AuditEvent::aggregateId)
        .containsExactly("case-b", "case-c");
    assertThat(after.next()).isNull();
  }

  @Test
  void findsTheSupportsAboutAProposalUpToAPosition() {
    file("support-1", 0, "pseudonymous", "proposal-9");
    file("case-1", 0, "clara", null);
    file("support-2", 0, "pseudonymous", "proposal-9");
    file("support-3", 0, "pseudonymous", "proposal-9");
    List<Long> all = trail.positionsAbout("proposal-9", Long.MAX_VALUE);

    assertThat(all).hasSize(3).isSorted();
    assertThat(trail.positionsAbout("proposal-9", all.get(1)))
        .containsExactly(all.get(0), all.get(1));
    assertThat(trail.eventsAt(all, Disclosure.MASKED))
        .extracting(AuditEvent::aggregateId)
        .containsExactly("support-1", "support-2", "support-3");
  }
}
