package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoNotPrimaryException;
import com.mongodb.ServerAddress;
import de.rathaus.application.shared.OutcomeUnknown;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failover during an append, as the engine sees it once the driver's own retry of the write
 * failed too: the primary stepped down ({@code NotWritablePrimary}, a retryable error) after the
 * insert was or was not applied. The caller is told the outcome is unknown, never that it was
 * refused; the append is neither lost nor doubled, since a command sent again writes the same
 * aggregate and sequence, which the store's unique key lets in once.
 */
class ReplicaSetFaultsTest {

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

  @Test
  void aFailoverAfterTheInsertWasAppliedIsAnUnknownOutcomeAndSendingItAgainDoesNotDoubleIt() {
    faults.inserts = failingOver(true);
    MongoEventStorageEngine writer = writer();

    assertThatThrownBy(() -> writer.appendEvents(noted("case-1", 0)))
        .isInstanceOf(OutcomeUnknown.class)
        .hasCauseInstanceOf(MongoNotPrimaryException.class);

    // the command sent again decides the same event for the same place in the aggregate
    MongoEventStorageEngine retried = store.build();
    // (a clear refusal: the aggregate exists, as the first attempt created it)
    assertThatThrownBy(() -> retried.appendEvents(noted("case-1", 0)))
        .isInstanceOf(AggregateStreamCreationException.class);
    assertThatThrownBy(() -> retried.appendEvents(noted("case-1", 1), noted("case-1", 0)))
        .isInstanceOfAny(ConcurrencyException.class, AggregateStreamCreationException.class);
    assertThat(retried.readEvents("case-1").asStream().count()).isEqualTo(1);
    assertThat(retried.readEvents(null, false).toList()).hasSize(1);
  }

  @Test
  void aFailoverBeforeTheInsertWasAppliedIsAnUnknownOutcomeAndSendingItAgainStoresItOnce() {
    faults.inserts = failingOver(false);
    MongoEventStorageEngine writer = writer();

    assertThatThrownBy(() -> writer.appendEvents(noted("case-1", 0)))
        .isInstanceOf(OutcomeUnknown.class);
    assertThat(store.database.getCollection("events").countDocuments()).isZero();

    MongoEventStorageEngine retried = store.build();
    retried.appendEvents(noted("case-1", 0));
    assertThat(retried.readEvents("case-1").asStream().count()).isEqualTo(1);
    assertThat(retried.readEvents(null, false).toList()).hasSize(1);
  }

  @Test
  void theEngineGoesOnWritingOnceTheNewPrimaryIsElected() {
    AtomicBoolean electing = new AtomicBoolean(true);
    FaultyMongo.InsertFault failover = failingOver(false);
    faults.inserts =
        (documents, insert) -> {
          if (electing.get()) {
            failover.insertMany(documents, insert);
          } else {
            insert.accept(documents);
          }
        };
    MongoEventStorageEngine writer = writer();
    assertThatThrownBy(() -> writer.appendEvents(noted("case-1", 0)))
        .isInstanceOf(OutcomeUnknown.class);

    electing.set(false);
    writer.appendEvents(noted("case-1", 0));
    writer.appendEvents(noted("case-1", 1));

    assertThat(writer.readEvents("case-1").asStream().count()).isEqualTo(2);
  }

  private MongoEventStorageEngine writer() {
    return store.engine().database(faults.wrap(store.database)).build();
  }

  /** The primary steps down; the insert was applied before ({@code applied}) or not. */
  private static FaultyMongo.InsertFault failingOver(boolean applied) {
    return (documents, insert) -> {
      if (applied) {
        insert.accept(documents);
      }
      throw new MongoNotPrimaryException(
          new BsonDocument("ok", new BsonInt32(0))
              .append("code", new BsonInt32(10107))
              .append("codeName", new BsonString("NotWritablePrimary"))
              .append("errmsg", new BsonString("not primary"))
              .append("errorLabels", new BsonArray(List.of(new BsonString("RetryableWriteError")))),
          new ServerAddress("127.0.0.1"));
    };
  }

  private static DomainEventMessage<?> noted(String aggregate, long seq) {
    return new GenericDomainEventMessage<>(
        "Case",
        aggregate,
        seq,
        new TestEvents.Noted(aggregate, (int) seq, List.of("a")),
        MetaData.emptyInstance());
  }
}
