package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import de.rathaus.application.shared.OutcomeUnknown;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit that becomes visible late, or in parts, or without confirmation: it is delivered to
 * processors or refused to its caller, never acknowledged and skipped; processors and aggregate
 * loads see a commit of several events whole or not at all.
 */
class SlowCommitTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Clock FIVE_MINUTES_LATER =
      Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));

  @TempDir Path dataDir;
  private EmbeddedStoreFixture store;
  private FaultyMongo faults;

  @BeforeEach
  void start() {
    store = new EmbeddedStoreFixture(dataDir);
    store.build(); // indexes
    faults = new FaultyMongo("events");
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private MongoEventStorageEngine.Builder faulty() {
    return store.engine().database(faults.wrap(store.database));
  }

  private static DomainEventMessage<?> noted(String aggregate, long seq) {
    return new GenericDomainEventMessage<>(
        "Case",
        aggregate,
        seq,
        new TestEvents.Noted(aggregate, (int) seq, List.of("a")),
        MetaData.emptyInstance());
  }

  private static String name(TrackedEventMessage<?> event) {
    DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
    return domain.getAggregateIdentifier() + "/" + domain.getSequenceNumber();
  }

  @Test
  void aCommitHeldBackPastTheGapTimeoutOfAReaderWhoseClockIsAheadIsStillDelivered()
      throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    MongoEventStorageEngine writer =
        store.engine().appendHook(holdingBack("slow", held, release)).build();
    MongoEventStorageEngine reader = store.engine().clock(FIVE_MINUTES_LATER).build();
    CompletableFuture<Void> slow =
        CompletableFuture.runAsync(() -> writer.appendEvents(noted("slow", 0)));
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
    writer.appendEvents(noted("fast", 0));

    List<? extends TrackedEventMessage<?>> first = reader.readEvents(null, false).toList();
    assertThat(first).extracting(SlowCommitTest::name).containsExactly("fast/0");
    TrackingToken token = first.get(0).trackingToken();
    assertThat(((GapAwareTrackingToken) token).getGaps()).isEmpty(); // position 1 given up

    release.countDown();
    slow.get(10, TimeUnit.SECONDS); // acknowledged: so it must be delivered

    assertThat(reader.readEvents(token, false).toList())
        .extracting(SlowCommitTest::name)
        .containsExactly("slow/0");
  }

  @Test
  void aWriterWhoseInsertRunsIntoATombstoneItsMajorityReadsDoNotSeeYetWritesAgain()
      throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    MongoEventStorageEngine writer =
        faulty().appendHook(holdingBack("slow", held, release)).build();
    MongoEventStorageEngine reader = store.engine().clock(FIVE_MINUTES_LATER).build();
    CompletableFuture<Void> slow =
        CompletableFuture.runAsync(() -> writer.appendEvents(noted("slow", 0)));
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
    writer.appendEvents(noted("fast", 0));
    TrackingToken token = reader.readEvents(null, false).toList().get(0).trackingToken();
    // the reader's tombstone is on the primary (the insert collides with it), but not yet in the
    // majority snapshot: the writer must not take the collision for a counter behind the store
    faults.hiddenFromReads = document -> document.containsKey(EventDocuments.TOMBSTONE);

    release.countDown();
    slow.get(10, TimeUnit.SECONDS); // written again at new positions, not refused

    faults.hiddenFromReads = document -> false;
    assertThat(reader.readEvents(token, false).toList())
        .extracting(SlowCommitTest::name)
        .containsExactly("slow/0");
  }

  @Test
  void anInsertThatStallsPastTheGapTimeoutIsStillDelivered() throws Exception {
    Duration lease = Duration.ofMillis(200);
    Duration gapTimeout = Duration.ofMillis(400);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    faults.inserts = stallOnce("slow", held, release);
    MongoEventStorageEngine writer = faulty().leaseAndGapTimeout(lease, gapTimeout).build();
    MongoEventStorageEngine reader = store.engine().leaseAndGapTimeout(lease, gapTimeout).build();
    CompletableFuture<Void> slow =
        CompletableFuture.runAsync(() -> writer.appendEvents(noted("slow", 0)));
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue(); // past the lease check, not written
    writer.appendEvents(noted("fast", 0));

    Poller processor = new Poller(reader);
    Await.until(WAIT, () -> processor.poll().contains("fast/0"), "the later commit is delivered");
    pollPast(processor, gapTimeout.multipliedBy(2)); // the reader gives position 1 up meanwhile
    writer.appendEvents(noted("later", 0)); // its token moves on without the gap
    Await.until(WAIT, () -> processor.poll().contains("later/0"), "the next commit is delivered");

    release.countDown();
    slow.get(10, TimeUnit.SECONDS);

    Await.until(WAIT, () -> processor.poll().contains("slow/0"), "the stalled commit arrives");
    assertThat(processor.delivered).containsExactly("fast/0", "later/0", "slow/0");
  }

  @Test
  void aCommitOfSeveralEventsIsNotSeenBeforeItsLastEventIsStored() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    faults.inserts = allButTheLastThenWait("multi", held, release);
    MongoEventStorageEngine writer = faulty().build();
    MongoEventStorageEngine reader = store.engine().clock(FIVE_MINUTES_LATER).build();
    CompletableFuture<Void> multi =
        CompletableFuture.runAsync(
            () -> writer.appendEvents(noted("multi", 0), noted("multi", 1), noted("multi", 2)));
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue(); // two of three events are stored
    writer.appendEvents(noted("fast", 0));

    Poller processor = new Poller(reader);
    assertThat(processor.poll()).containsExactly("fast/0");
    assertThat(store.engine().build().readEvents("multi").asStream().count()).isZero();
    // the reader's clock is far ahead: it gives the commit's last position up, which aborts it

    release.countDown();
    multi.get(10, TimeUnit.SECONDS); // acknowledged after writing it again at new positions

    Await.until(WAIT, () -> processor.poll().size() == 4, "the commit arrives whole");
    assertThat(processor.delivered).containsExactly("fast/0", "multi/0", "multi/1", "multi/2");
    assertThat(writer.readEvents("multi").asStream().count()).isEqualTo(3);
  }

  @Test
  void aCommitOfSeveralEventsThatFailsAtItsLastEventIsSeenByNobody() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FaultyMongo.InsertFault partThenWait = allButTheLastThenWait("multi", held, release);
    faults.inserts =
        (documents, insert) ->
            partThenWait.insertMany(
                documents,
                part -> {
                  if (part.size() == 1 && documents.size() > 1) {
                    throw new MongoBulkWriteException(
                        BulkWriteResult.acknowledged(0, 0, 0, 0, List.of(), List.of()),
                        List.of(
                            new BulkWriteError(2, "BadValue", new BsonDocument(), part.size() - 1)),
                        null,
                        new ServerAddress("127.0.0.1"),
                        Set.of());
                  }
                  insert.accept(part);
                });
    MongoEventStorageEngine writer = faulty().build();
    MongoEventStorageEngine reader = store.engine().build();
    CompletableFuture<Void> multi =
        CompletableFuture.runAsync(
            () -> writer.appendEvents(noted("multi", 0), noted("multi", 1), noted("multi", 2)));
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
    writer.appendEvents(noted("fast", 0));
    Poller processor = new Poller(reader);
    processor.poll();

    release.countDown();
    assertThat(multi)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(EventStoreException.class);

    processor.poll();
    assertThat(processor.delivered).containsExactly("fast/0");
    assertThat(store.database.getCollection("events").countDocuments()).isEqualTo(1);
  }

  @Test
  void aWriteConcernThatTimesOutIsAnUnknownOutcomeNotARefusal() {
    faults.inserts =
        (documents, insert) -> {
          insert.accept(documents); // applied on the primary, not confirmed by the majority
          throw FaultyMongo.writeConcernTimeout();
        };
    MongoEventStorageEngine writer = faulty().build();

    assertThatThrownBy(() -> writer.appendEvents(noted("case-1", 0)))
        .isInstanceOf(OutcomeUnknown.class);

    // it may still count: processors see it as any other event
    assertThat(store.engine().build().readEvents(null, false).toList())
        .extracting(SlowCommitTest::name)
        .containsExactly("case-1/0");
  }

  @Test
  void aWriteTheServerAppliedButCouldNotMakeDurableIsAnUnknownOutcome() {
    // the embedded server answers an error when it cannot journal a write it already applied
    faults.inserts =
        (documents, insert) -> {
          insert.accept(documents);
          throw new MongoCommandException(
              new BsonDocument("ok", new BsonInt32(0))
                  .append("code", new BsonInt32(1))
                  .append(
                      "errmsg", new BsonString("The embedded store could not write its journal")),
              new ServerAddress("127.0.0.1"));
        };
    MongoEventStorageEngine writer = faulty().build();

    assertThatThrownBy(() -> writer.appendEvents(noted("case-1", 0)))
        .isInstanceOf(OutcomeUnknown.class);
  }

  @Test
  void aReaderThatCannotSeeTheEventInTheWayOfItsTombstoneKeepsTheGapOpen() {
    MongoEventStorageEngine writer = store.build();
    writer.appendEvents(noted("lagging", 0));
    writer.appendEvents(noted("fast", 0));
    AtomicBoolean lagging = new AtomicBoolean(true);
    faults.hiddenFromReads =
        document ->
            lagging.get()
                && new BsonInt64(1).equals(document.get(EventDocuments.GLOBAL_INDEX))
                && !document.containsKey(EventDocuments.TOMBSTONE);
    MongoEventStorageEngine reader = faulty().clock(FIVE_MINUTES_LATER).build();

    Poller processor = new Poller(reader);
    assertThat(processor.poll()).containsExactly("fast/0");
    assertThat(processor.gaps()).containsExactly(1L); // its tombstone ran into the event

    lagging.set(false);
    assertThat(processor.poll()).containsExactly("fast/0", "lagging/0");
    assertThat(processor.gaps()).isEmpty();
  }

  @Test
  void anAbandonedPartOfACommitIsNoPartOfItsAggregateAndDoesNotBlockItForEver() {
    faults.inserts =
        (documents, insert) -> {
          if (FaultyMongo.ofAggregate(documents, "orphan") && documents.size() > 1) {
            FaultyMongo.insertPart(documents, 0, documents.size() - 1, insert);
            throw new IllegalStateException("the writer's process died");
          }
          insert.accept(documents);
        };
    MongoEventStorageEngine crashing = faulty().build();
    assertThatThrownBy(() -> crashing.appendEvents(noted("orphan", 0), noted("orphan", 1)))
        .hasMessageContaining("died");
    assertThat(store.database.getCollection("events").countDocuments()).isEqualTo(1);

    MongoEventStorageEngine engine = store.engine().build();
    assertThat(engine.readEvents("orphan").asStream().count()).isZero();
    assertThat(engine.lastSequenceNumberFor("orphan")).isEmpty();
    // while its writer might still finish it, the commit stands in the way
    assertThatThrownBy(() -> engine.appendEvents(noted("orphan", 0)))
        .isInstanceOf(AggregateStreamCreationException.class);

    // after the gap timeout, the writer that runs into it gives it up and goes on
    MongoEventStorageEngine later = store.engine().clock(FIVE_MINUTES_LATER).build();
    later.appendEvents(noted("orphan", 0));

    assertThat(later.readEvents("orphan").asStream().count()).isEqualTo(1);
    assertThat(later.readEvents(null, false).toList())
        .extracting(SlowCommitTest::name)
        .containsExactly("orphan/0");
  }

  @Test
  void aProcessorThatHasEverythingCoversTheHeadAlsoWhenTheNewestPositionsWereGivenUp() {
    // the newest positions of the store are an aborted commit: nobody will ever deliver them, so
    // a processor that has every event must count as being at the head (readiness waits for it)
    MongoEventStorageEngine writer = store.build();
    writer.appendEvents(noted("fast", 0));
    faults.inserts =
        (documents, insert) -> {
          if (FaultyMongo.ofAggregate(documents, "orphan") && documents.size() > 1) {
            FaultyMongo.insertPart(documents, 0, documents.size() - 1, insert);
            throw new IllegalStateException("the writer's process died");
          }
          insert.accept(documents);
        };
    assertThatThrownBy(() -> faulty().build().appendEvents(noted("orphan", 0), noted("orphan", 1)))
        .hasMessageContaining("died");
    MongoEventStorageEngine later = store.engine().clock(FIVE_MINUTES_LATER).build();
    Poller processor = new Poller(later);
    processor.poll();
    processor.poll(); // the second fetch gives the commit's last position up: it is aborted

    assertThat(processor.delivered).containsExactly("fast/0");
    assertThat(processor.token).isNotNull();
    assertThat(processor.token.covers(later.createHeadToken()))
        .as("the processor's token %s covers the head %s", processor.token, later.createHeadToken())
        .isTrue();
  }

  @Test
  void aProcessorThatPassedAGapGivenUpAfterwardsHasEverythingOfAHeadReadLater() throws Exception {
    // a processor passes a position while its writer still holds it (a gap of its token); another
    // reader gives the position up; on an idle store the processor gets no later event, so its
    // token keeps the gap for good, and a head read now does not list it (a tombstone is no gap):
    // readiness, which waits for every read model to have everything of the head, waited for ever
    HeldBack slowBehindFast = slowHeldBehindFast(store.engine());
    MongoEventStorageEngine writer = slowBehindFast.writer();
    Poller processor = new Poller(writer);
    assertThat(processor.poll()).containsExactly("fast/0");
    assertThat(processor.gaps()).containsExactly(1L);
    MongoEventStorageEngine later = store.engine().clock(FIVE_MINUTES_LATER).build();
    assertThat(later.readEvents(null, false).toList()).hasSize(1); // gives position 1 up
    processor.poll();

    TrackingToken head = writer.createHeadToken();
    assertThat(processor.gaps()).as("no event came after the tombstone").containsExactly(1L);
    assertThat(processor.token.covers(head)).as("Axon's covers alone").isFalse();
    assertThat(writer.hasEverythingOf(processor.token, head))
        .as("the processor's token %s has every event of the head %s", processor.token, head)
        .isTrue();

    slowBehindFast.release(); // written again above, after the tombstone
    TrackingToken newer = writer.createHeadToken();
    assertThat(writer.hasEverythingOf(processor.token, newer))
        .as("slow/0 is not applied")
        .isFalse();
    processor.poll();
    assertThat(writer.hasEverythingOf(processor.token, newer)).isTrue();
  }

  @Test
  void whetherATokenHasEverythingIsNotKnownWhileTheStoreIsAway() throws Exception {
    HeldBack slowBehindFast = slowHeldBehindFast(faulty());
    MongoEventStorageEngine writer = slowBehindFast.writer();
    Poller processor = new Poller(writer);
    processor.poll();
    store.engine().clock(FIVE_MINUTES_LATER).build().readEvents(null, false).toList();
    TrackingToken head = writer.createHeadToken();

    faults.readsFail = true;
    assertThat(writer.hasEverythingOf(processor.token, head)).as("no answer, no pass").isFalse();
    faults.readsFail = false;
    assertThat(writer.hasEverythingOf(processor.token, head)).isTrue();
    faults.readsFail = true;
    assertThat(writer.hasEverythingOf(processor.token, head))
        .as("a tombstone once seen is remembered")
        .isTrue();
    faults.readsFail = false;
    slowBehindFast.release();
  }

  @Test
  void aTokenMissingAnEventStoredAtAGapOfItsOwnDoesNotHaveEverythingOfTheHead() throws Exception {
    HeldBack slowBehindFast = slowHeldBehindFast(store.engine());
    MongoEventStorageEngine writer = slowBehindFast.writer();
    Poller processor = new Poller(writer);
    processor.poll();
    slowBehindFast.release(); // lands at the processor's gap

    TrackingToken head = writer.createHeadToken();
    assertThat(writer.hasEverythingOf(processor.token, head)).isFalse();
    assertThat(writer.hasEverythingOf(null, head)).isFalse();
    assertThat(writer.hasEverythingOf(null, null)).isTrue();
    processor.poll();
    assertThat(processor.delivered).containsExactly("fast/0", "slow/0");
    assertThat(writer.hasEverythingOf(processor.token, head)).isTrue();
  }

  /** A writer whose commit of "slow" holds position 1 while "fast" is stored at 2. */
  private record HeldBack(
      MongoEventStorageEngine writer, CountDownLatch releaseLatch, CompletableFuture<Void> slow) {

    /** Lets the slow commit go on and waits until it is stored. */
    void release() throws Exception {
      releaseLatch.countDown();
      slow.get(10, TimeUnit.SECONDS);
    }
  }

  private static HeldBack slowHeldBehindFast(MongoEventStorageEngine.Builder builder)
      throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    MongoEventStorageEngine writer = builder.appendHook(holdingBack("slow", held, release)).build();
    CompletableFuture<Void> slow =
        CompletableFuture.runAsync(() -> writer.appendEvents(noted("slow", 0)));
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
    writer.appendEvents(noted("fast", 0));
    return new HeldBack(writer, release, slow);
  }

  @Test
  void aPersistenceExceptionResolverGivenToTheBuilderIsUsed() {
    List<Exception> asked = new CopyOnWriteArrayList<>();
    MongoEventStorageEngine.Builder builder = store.engine();
    builder.persistenceExceptionResolver(
        e -> {
          asked.add(e);
          return false; // this resolver knows no conflicts
        });
    MongoEventStorageEngine engine = builder.build();
    engine.appendEvents(noted("case-1", 0));

    assertThatThrownBy(() -> engine.appendEvents(noted("case-1", 0)))
        .isInstanceOf(EventStoreException.class)
        .isNotInstanceOf(ConcurrencyException.class);
    assertThat(asked).hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  /** A processor's polling loop, run by the test: what it was given, and its token. */
  static final class Poller {
    private final MongoEventStorageEngine engine;
    final List<String> delivered = new ArrayList<>();
    private TrackingToken token;

    Poller(MongoEventStorageEngine engine) {
      this.engine = engine;
    }

    /** Fetches once; answers everything delivered so far. */
    synchronized List<String> poll() {
      for (TrackedEventMessage<?> event : engine.readEvents(token, false).toList()) {
        delivered.add(name(event));
        token = event.trackingToken();
      }
      return List.copyOf(delivered);
    }

    synchronized Set<Long> gaps() {
      return token == null ? Set.of() : ((GapAwareTrackingToken) token).getGaps();
    }
  }

  /** Keeps the processor polling, as a running one does, until {@code time} has passed. */
  static void pollPast(Poller processor, Duration time) throws InterruptedException {
    long until = System.nanoTime() + time.toNanos();
    int polls = 0;
    while (System.nanoTime() < until || polls < 3) {
      processor.poll();
      polls++;
      Thread.sleep(20);
    }
  }

  private static AppendHook holdingBack(
      String aggregate, CountDownLatch held, CountDownLatch release) {
    return events -> {
      if (((DomainEventMessage<?>) events.get(0)).getAggregateIdentifier().equals(aggregate)) {
        held.countDown();
        await(release);
      }
    };
  }

  /** Holds the first insert of the aggregate's events back until released, then writes it. */
  static FaultyMongo.InsertFault stallOnce(
      String aggregate, CountDownLatch held, CountDownLatch release) {
    AtomicBoolean first = new AtomicBoolean(true);
    return (documents, insert) -> {
      if (FaultyMongo.ofAggregate(documents, aggregate) && first.getAndSet(false)) {
        held.countDown();
        await(release);
      }
      insert.accept(documents);
    };
  }

  /** The first time: all but the commit's last event, then wait for release, then the last. */
  private static FaultyMongo.InsertFault allButTheLastThenWait(
      String aggregate, CountDownLatch held, CountDownLatch release) {
    AtomicBoolean first = new AtomicBoolean(true);
    return (documents, insert) -> {
      if (FaultyMongo.ofAggregate(documents, aggregate)
          && documents.size() > 1
          && first.getAndSet(false)) {
        FaultyMongo.insertPart(documents, 0, documents.size() - 1, insert);
        held.countDown();
        await(release);
        FaultyMongo.insertPart(documents, documents.size() - 1, documents.size(), insert);
        return;
      }
      insert.accept(documents);
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
