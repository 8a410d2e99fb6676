package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's contract against the embedded server, without Spring. */
class MongoEventStorageEngineTest {

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

  private static DomainEventMessage<?> event(String aggregate, long seq, Object payload) {
    return new GenericDomainEventMessage<>(
        "Case", aggregate, seq, payload, MetaData.with("actorId", "clerk-7"));
  }

  private static DomainEventMessage<?> noted(String aggregate, long seq) {
    return event(aggregate, seq, new TestEvents.Noted(aggregate, (int) seq, List.of("a", "b")));
  }

  private List<? extends TrackedEventMessage<?>> readAll(TrackingToken from) {
    return engine.readEvents(from, false).collect(Collectors.toList());
  }

  @Test
  void appendsAndReadsBackPayloadMetadataAndOrder() {
    Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
    engine.appendEvents(
        event("case-1", 0, new TestEvents.Opened("case-1", "Bewohnerparkausweis", at)),
        noted("case-1", 1),
        noted("case-1", 2));

    List<? extends DomainEventMessage<?>> loaded = engine.readEvents("case-1").asStream().toList();

    assertThat(loaded)
        .extracting(DomainEventMessage::getSequenceNumber)
        .containsExactly(0L, 1L, 2L);
    assertThat(loaded.get(0).getPayload())
        .isEqualTo(new TestEvents.Opened("case-1", "Bewohnerparkausweis", at));
    assertThat(loaded.get(2).getPayload())
        .isEqualTo(new TestEvents.Noted("case-1", 2, List.of("a", "b")));
    assertThat(loaded.get(1).getMetaData()).containsEntry("actorId", "clerk-7");
    assertThat(loaded.get(0).getType()).isEqualTo("Case");
    assertThat(engine.lastSequenceNumberFor("case-1")).contains(2L);
    assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
  }

  @Test
  void storesPayloadsAsQueryableDocuments() {
    engine.appendEvents(noted("case-1", 0));

    Document stored = engine.storedDocumentAt(1).orElseThrow();

    assertThat(stored.get("payload", Document.class).getInteger("number")).isZero();
    assertThat(stored.get("payload", Document.class).getList("tags", String.class))
        .containsExactly("a", "b");
    assertThat(stored.getString("payloadRevision")).isEqualTo("1");
    assertThat(
            store
                .database
                .getCollection("events")
                .countDocuments(new Document("payload.tags", "b")))
        .isEqualTo(1);
  }

  @Test
  void rejectsASecondEventAtTheSameSequenceAndStoresNothingOfIt() {
    engine.appendEvents(noted("case-1", 0), noted("case-1", 1));

    assertThatThrownBy(() -> engine.appendEvents(noted("case-1", 1), noted("case-1", 2)))
        .isInstanceOf(ConcurrencyException.class);

    assertThat(engine.readEvents("case-1").asStream().count()).isEqualTo(2);
    assertThat(store.database.getCollection("events").countDocuments()).isEqualTo(2);
  }

  @Test
  void rejectsCreatingAnAggregateWhoseIdIsTaken() {
    engine.appendEvents(noted("case-1", 0));

    assertThatThrownBy(() -> engine.appendEvents(noted("case-1", 0)))
        .isInstanceOf(AggregateStreamCreationException.class);
  }

  @Test
  void rejectsADuplicateEventIdentifier() {
    DomainEventMessage<?> first = noted("case-1", 0);
    engine.appendEvents(first);
    DomainEventMessage<?> sameId =
        new GenericDomainEventMessage<>(
            "Case",
            "case-2",
            0,
            first.getPayload(),
            MetaData.emptyInstance(),
            first.getIdentifier(),
            Instant.now());

    assertThatThrownBy(() -> engine.appendEvents(sameId))
        .isInstanceOf(EventStoreException.class)
        .isNotInstanceOf(ConcurrencyException.class);
    assertThat(store.database.getCollection("events").countDocuments()).isEqualTo(1);
  }

  @Test
  void aCommitThatFailsOnItsSecondAggregateLeavesNothingBehind() {
    engine.appendEvents(noted("case-2", 0));

    assertThatThrownBy(() -> engine.appendEvents(noted("case-1", 0), noted("case-2", 0)))
        .isInstanceOf(AggregateStreamCreationException.class);

    assertThat(engine.readEvents("case-1").asStream().count()).isZero();
    assertThat(store.database.getCollection("events").countDocuments()).isEqualTo(1);
  }

  @Test
  void tracksEventsWithoutAnAggregateToo() {
    engine.appendEvents(GenericEventMessage.asEventMessage("a system notice"));
    engine.appendEvents(noted("case-1", 0));

    List<? extends TrackedEventMessage<?>> all = readAll(null);

    assertThat(all).hasSize(2);
    assertThat(all.get(0).getPayload()).isEqualTo("a system notice");
    assertThat(all.get(1)).isInstanceOf(DomainEventMessage.class);
  }

  @Test
  void loadsLongAggregatesAcrossChunks() {
    List<EventMessage<?>> batch = new ArrayList<>();
    for (int seq = 0; seq < 250; seq++) {
      batch.add(noted("long", seq));
    }
    engine.appendEvents(batch);

    assertThat(engine.readEvents("long").asStream().count()).isEqualTo(250);
    assertThat(engine.readEvents("long", 240).asStream().count()).isEqualTo(10);
    assertThat(engine.lastSequenceNumberFor("long")).contains(249L);
  }

  @Test
  void anAggregateContinuedOnAnotherInstanceStaysInOrderDespitePositionBlocks() {
    MongoEventStorageEngine instanceA = store.engine().positionBlockSize(8).build();
    MongoEventStorageEngine instanceB = store.engine().positionBlockSize(8).build();
    instanceA.appendEvents(noted("other", 0)); // A now holds a block of positions 1..8
    instanceB.appendEvents(noted("case-x", 0), noted("case-x", 1)); // B: positions 9 and 10

    assertThat(instanceA.readEvents("case-x").asStream().count()).isEqualTo(2); // A loads case-x
    instanceA.appendEvents(noted("case-x", 2));

    List<Long> sequences =
        readAll(null).stream()
            .filter(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier().equals("case-x"))
            .map(e -> ((DomainEventMessage<?>) e).getSequenceNumber())
            .toList();
    assertThat(sequences).containsExactly(0L, 1L, 2L);
  }

  @Test
  void anAggregateContinuedWithoutBeingLoadedHereGetsAFreshPosition() {
    MongoEventStorageEngine instanceA = store.engine().positionBlockSize(8).build();
    MongoEventStorageEngine instanceB = store.engine().positionBlockSize(8).build();
    instanceA.appendEvents(noted("other", 0));
    instanceB.appendEvents(noted("case-x", 0));

    instanceA.appendEvents(noted("case-x", 1)); // A never saw case-x: it must not use its block

    List<String> order =
        readAll(null).stream()
            .map(
                e ->
                    ((DomainEventMessage<?>) e).getAggregateIdentifier()
                        + "/"
                        + ((DomainEventMessage<?>) e).getSequenceNumber())
            .toList();
    assertThat(order).containsExactly("other/0", "case-x/0", "case-x/1");
  }

  @Test
  void snapshotReplacesOnlyOlderSnapshots() {
    engine.storeSnapshot(noted("case-1", 5));
    engine.storeSnapshot(noted("case-1", 3));

    assertThat(engine.readSnapshot("case-1"))
        .get()
        .extracting(DomainEventMessage::getSequenceNumber)
        .isEqualTo(5L);

    engine.storeSnapshot(noted("case-1", 9));
    assertThat(engine.readSnapshot("case-1"))
        .get()
        .extracting(DomainEventMessage::getSequenceNumber)
        .isEqualTo(9L);
  }

  @Test
  void trackingTokensAdvanceThroughTheWholeStoreInBatches() {
    for (int i = 0; i < 250; i++) {
      engine.appendEvents(noted("case-" + i, 0));
    }

    List<? extends TrackedEventMessage<?>> all = readAll(null);

    assertThat(all).hasSize(250);
    GapAwareTrackingToken last = (GapAwareTrackingToken) all.get(249).trackingToken();
    assertThat(last.getIndex()).isEqualTo(250);
    assertThat(last.getGaps()).isEmpty();
    assertThat(readAll(all.get(99).trackingToken())).hasSize(150);
  }

  @Test
  void aHeldBackCommitIsDeliveredAfterLaterCommitsWhileItsLeaseHolds() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    MongoEventStorageEngine slow =
        store.engine().appendHook(holdingBack("slow", held, release)).build();
    Thread writer = new Thread(() -> slow.appendEvents(noted("slow", 0)));
    writer.start();
    assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
    slow.appendEvents(noted("fast-1", 0));
    slow.appendEvents(noted("fast-2", 0));

    List<? extends TrackedEventMessage<?>> firstRead = readAll(null);
    assertThat(firstRead).hasSize(2);
    TrackingToken token = firstRead.get(1).trackingToken();
    assertThat(((GapAwareTrackingToken) token).getGaps()).containsExactly(1L);

    release.countDown();
    writer.join();
    List<? extends TrackedEventMessage<?>> secondRead = readAll(token);
    assertThat(secondRead).hasSize(1);
    assertThat(((DomainEventMessage<?>) secondRead.get(0)).getAggregateIdentifier())
        .isEqualTo("slow");
    assertThat(((GapAwareTrackingToken) secondRead.get(0).trackingToken()).getGaps()).isEmpty();
    assertThat(readAll(secondRead.get(0).trackingToken())).isEmpty();
  }

  @Test
  void aCommitHeldBackPastItsLeaseTakesNewPositionsAndIsStillDelivered() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    MongoEventStorageEngine slow =
        store
            .engine()
            .leaseAndGapTimeout(Duration.ofMillis(200), Duration.ofMillis(400))
            .appendHook(holdingBack("slow", held, release))
            .build();
    Thread writer = new Thread(() -> slow.appendEvents(noted("slow", 0)));
    writer.start();
    assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
    slow.appendEvents(noted("fast", 0));
    List<? extends TrackedEventMessage<?>> firstRead = slow.readEvents(null, false).toList();
    assertThat(firstRead).hasSize(1);
    Thread.sleep(600); // past lease and gap timeout: readers give position 1 up
    TrackingToken token =
        slow.readEvents(firstRead.get(0).trackingToken(), false)
            .reduce((a, b) -> b)
            .map(TrackedEventMessage::trackingToken)
            .orElse(firstRead.get(0).trackingToken());

    release.countDown();
    writer.join();

    List<? extends TrackedEventMessage<?>> late = slow.readEvents(token, false).toList();
    assertThat(late).hasSize(1);
    assertThat(((DomainEventMessage<?>) late.get(0)).getAggregateIdentifier()).isEqualTo("slow");
    assertThat(((GapAwareTrackingToken) late.get(0).trackingToken()).getIndex()).isGreaterThan(2);
  }

  @Test
  void oldGapsAreNotCarriedInTokens() {
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
    engine.appendEvents(noted("case-1", 0));
    // a position that was reserved but never written, as after a crashed writer
    store
        .database
        .getCollection("eventstore_counters")
        .updateOne(
            new Document("_id", "globalIndex"), new Document("$inc", new Document("value", 3)));
    engine.appendEvents(noted("case-2", 0));

    MongoEventStorageEngine reader = store.engine().clock(later).build();
    List<? extends TrackedEventMessage<?>> all = reader.readEvents(null, false).toList();

    assertThat(all).hasSize(2);
    assertThat(((GapAwareTrackingToken) all.get(1).trackingToken()).getGaps()).isEmpty();
  }

  @Test
  void skipsWindowsOfAbandonedPositions() {
    engine = store.engine().positionBlockSize(1).build();
    engine.appendEvents(noted("case-1", 0));
    store
        .database
        .getCollection("eventstore_counters")
        .updateOne(
            new Document("_id", "globalIndex"), new Document("$inc", new Document("value", 450)));
    engine.appendEvents(noted("case-2", 0));

    List<? extends TrackedEventMessage<?>> all = readAll(null);

    assertThat(all).hasSize(2);
    assertThat(((GapAwareTrackingToken) all.get(1).trackingToken()).getIndex()).isEqualTo(452);
  }

  @Test
  void headTokenStartsAfterTheStoredEvents() {
    engine.appendEvents(noted("case-1", 0), noted("case-2", 0));
    TrackingToken head = engine.createHeadToken();
    engine.appendEvents(noted("case-3", 0));

    List<? extends TrackedEventMessage<?>> fromHead = readAll(head);

    assertThat(fromHead).hasSize(1);
    assertThat(engine.createTailToken()).isNull();
  }

  @Test
  void tokenAtAnInstantAfterTheLastEventStartsAtTheHead() throws Exception {
    engine.appendEvents(noted("case-1", 0));
    Thread.sleep(20);
    TrackingToken fromNow = engine.createTokenAt(Instant.now());
    engine.appendEvents(noted("case-2", 0));

    assertThat(readAll(fromNow)).hasSize(1);
  }

  @Test
  void tokenAtAnInstantStartsWithTheFirstEventFromThen() throws Exception {
    engine.appendEvents(noted("case-1", 0));
    Thread.sleep(20);
    Instant between = Instant.now();
    Thread.sleep(20);
    engine.appendEvents(noted("case-2", 0), noted("case-3", 0));

    List<? extends TrackedEventMessage<?>> fromThen = readAll(engine.createTokenAt(between));

    assertThat(fromThen).hasSize(2);
  }

  @Test
  void eventsSurviveARestartOfTheServerOnTheSameDirectory() {
    engine.appendEvents(noted("case-1", 0), noted("case-1", 1));
    store = store.restart();
    engine = store.build();

    assertThat(engine.readEvents("case-1").asStream().count()).isEqualTo(2);
    Map<Long, String> ids =
        readAll(null).stream()
            .collect(
                Collectors.toMap(
                    e -> e.trackingToken().position().getAsLong(), EventMessage::getIdentifier));
    assertThat(ids).containsOnlyKeys(1L, 2L);
    engine.appendEvents(noted("case-1", 2));
    List<? extends TrackedEventMessage<?>> all = readAll(null);
    assertThat(all).hasSize(3);
    assertThat(all.get(2).trackingToken().position().getAsLong()).isGreaterThan(2);
  }

  /** Holds back the appends of one aggregate until released, after their positions are reserved. */
  private static AppendHook holdingBack(
      String aggregate, CountDownLatch held, CountDownLatch release) {
    return events -> {
      if (((DomainEventMessage<?>) events.get(0)).getAggregateIdentifier().equals(aggregate)) {
        held.countDown();
        await(release);
      }
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unused")
  private static String id() {
    return UUID.randomUUID().toString();
  }
}
