package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import de.rathaus.infra.mongo.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engine instances, each with its own client, on one embedded server started on its own on the
 * loopback interface (or on the external MongoDB of the {@code external-store} profile): one
 * instance's insert stalls while the other writes and a processor gives the gap up. The stalled
 * commit is delivered or refused to its caller, never acknowledged and skipped.
 */
class TwoInstancesTest {

  private static final Duration LEASE = Duration.ofMillis(200);
  private static final Duration GAP_TIMEOUT = Duration.ofMillis(400);

  @TempDir Path dataDir;

  @Test
  void aCommitStalledOnOneInstanceWhileAnotherWritesIsDeliveredOrRefused() throws Exception {
    try (TestDatabase store = TestDatabase.open(dataDir)) {
      MongoClient clientA = store.newClient();
      MongoClient clientB = store.newClient();
      FaultyMongo faults = new FaultyMongo("events");
      CountDownLatch held = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      faults.inserts = SlowCommitTest.stallOnce("slow", held, release);
      MongoEventStorageEngine instanceA =
          instance().database(faults.wrap(clientA.getDatabase(store.name()))).build();
      MongoEventStorageEngine instanceB =
          instance().database(clientB.getDatabase(store.name())).build();
      instanceB.ensureIndexes();

      CompletableFuture<Void> slow =
          CompletableFuture.runAsync(() -> instanceA.appendEvents(event("slow")));
      assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 3; i++) {
        instanceB.appendEvents(event("fast-" + i));
      }
      SlowCommitTest.Poller processor = new SlowCommitTest.Poller(instanceB);
      Await.until(
          Duration.ofSeconds(20), () -> processor.poll().size() == 3, "B's commits are delivered");
      SlowCommitTest.pollPast(processor, GAP_TIMEOUT.multipliedBy(2)); // the gap is given up
      instanceB.appendEvents(event("fast-3")); // the processor's token moves on without it
      Await.until(
          Duration.ofSeconds(20), () -> processor.poll().size() == 4, "B's next commit arrives");

      release.countDown();
      boolean acknowledged;
      try {
        slow.get(10, TimeUnit.SECONDS);
        acknowledged = true;
      } catch (ExecutionException refused) {
        acknowledged = false;
      }

      if (acknowledged) {
        Await.until(
            Duration.ofSeconds(20),
            () -> processor.poll().contains("slow/0"),
            "the acknowledged commit is delivered");
      } else {
        SlowCommitTest.pollPast(processor, GAP_TIMEOUT);
        assertThat(processor.delivered).doesNotContain("slow/0");
        assertThat(instanceB.readEvents("slow").asStream().count()).isZero();
      }
      assertThat(processor.delivered).doesNotHaveDuplicates();
      assertThat(List.copyOf(processor.delivered)).hasSize(acknowledged ? 5 : 4);
    }
  }

  @Test
  void theRestOfABlockAnInstanceLeavesIsGivenUpAtOnce() throws Exception {
    try (TestDatabase store = TestDatabase.open(dataDir)) {
      MongoClient clientA = store.newClient();
      MongoClient clientB = store.newClient();
      MongoEventStorageEngine instanceA =
          longLived().database(clientA.getDatabase(store.name())).build();
      MongoEventStorageEngine instanceB =
          longLived().database(clientB.getDatabase(store.name())).build();
      instanceA.ensureIndexes();

      instanceA.appendEvents(event("case", 0)); // A's block: 1..32, the case at 1
      instanceB.appendEvents(event("other", 0)); // B's block: 33..64
      instanceB.readEvents("case").asStream().count(); // B loads the case, as a command does
      instanceB.appendEvents(event("case", 1)); // at 34
      instanceA.readEvents("case").asStream().count();
      instanceA.appendEvents(event("case", 2)); // must follow 34: A leaves 2..32 for a new block

      var events = clientA.getDatabase(store.name()).getCollection("events");
      List<Long> tombstones = new ArrayList<>();
      events
          .find(new Document(EventDocuments.TOMBSTONE, true))
          .forEach(
              d -> tombstones.add(d.get(EventDocuments.GLOBAL_INDEX, Number.class).longValue()));
      assertThat(tombstones)
          .as("the unused rest of A's first block, given up without waiting the gap timeout")
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 32).boxed().toList());
      assertThat(instanceA.readEvents("case").asStream().map(DomainEventMessage::getSequenceNumber))
          .containsExactly(0L, 1L, 2L);
    }
  }

  /** An instance whose blocks outlive the test: only leaving a block gives its rest up. */
  private static MongoEventStorageEngine.Builder longLived() {
    return MongoEventStorageEngine.builder()
        .leaseAndGapTimeout(Duration.ofMinutes(5), Duration.ofMinutes(10))
        .eventSerializer(EmbeddedStoreFixture.jsonSerializer())
        .snapshotSerializer(EmbeddedStoreFixture.jsonSerializer());
  }

  private static DomainEventMessage<?> event(String aggregate, long sequence) {
    return new GenericDomainEventMessage<>(
        "Case",
        aggregate,
        sequence,
        new TestEvents.Noted(aggregate, (int) sequence, List.of("a")),
        MetaData.emptyInstance());
  }

  private static MongoEventStorageEngine.Builder instance() {
    return MongoEventStorageEngine.builder()
        .leaseAndGapTimeout(LEASE, GAP_TIMEOUT)
        .eventSerializer(EmbeddedStoreFixture.jsonSerializer())
        .snapshotSerializer(EmbeddedStoreFixture.jsonSerializer());
  }

  private static DomainEventMessage<?> event(String aggregate) {
    return new GenericDomainEventMessage<>(
        "Case",
        aggregate,
        0,
        new TestEvents.Noted(aggregate, 0, List.of("a")),
        MetaData.emptyInstance());
  }
}
