package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import de.rathaus.infra.eventstore.testapp.CounterApi;
import de.rathaus.infra.eventstore.testapp.CounterApplication;
import de.rathaus.infra.mongo.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A command whose append loses the race with another instance's append to the same aggregate (the
 * other instance writes between this one's load and its insert) is handled again on the aggregate
 * as it is now, inside the engine: the caller gets its answer, not the conflict, and the command's
 * event is stored exactly once.
 */
class ConflictRetryIT {

  @TempDir Path dataDir;
  private final String database = TestDatabase.freshName();

  @AfterEach
  void dropDatabase() {
    OtherInstance.target = null;
    OtherInstance.engine = null;
    OtherInstance.raced.set(0);
    TestDatabase.drop(database);
  }

  @Test
  void aCommandThatLostTheRaceToAnotherInstanceIsRetriedAndAppendedOnce() {
    try (ConfigurableApplicationContext engine =
        CounterApplication.startOn(
            dataDir.toString(), database, "spring.main.sources=" + OtherInstance.class.getName())) {
      CommandGateway commands = engine.getBean(CommandGateway.class);
      commands.sendAndWait(new CounterApi.OpenCounter("hot"));
      OtherInstance.engine =
          MongoEventStorageEngine.builder()
              .database(engine.getBean(MongoDatabase.class))
              .eventSerializer(engine.getBean("eventSerializer", Serializer.class))
              .snapshotSerializer(engine.getBean(Serializer.class))
              .build();
      OtherInstance.target = "hot";

      int after = commands.sendAndWait(new CounterApi.Increment("hot", 5));

      assertThat(OtherInstance.raced).hasValue(1);
      assertThat(after).as("the retry saw the other instance's increment").isEqualTo(105);
      List<? extends DomainEventMessage<?>> history =
          engine.getBean(MongoEventStorageEngine.class).readEvents("hot").asStream().toList();
      assertThat(history)
          .extracting(DomainEventMessage::getSequenceNumber)
          .containsExactly(0L, 1L, 2L);
      List<Object> payloads = history.stream().map(e -> (Object) e.getPayload()).toList();
      assertThat(payloads)
          .filteredOn(p -> p instanceof CounterApi.Incremented i && i.by() == 5)
          .as("the retried command's event, stored once")
          .containsExactly((Object) new CounterApi.Incremented("hot", 5, 105));
      assertThat((int) commands.sendAndWait(new CounterApi.ReadTotal("hot"))).isEqualTo(105);
    }
  }

  /**
   * Another engine instance on the same store: right before this instance inserts its first commit
   * to the target aggregate after the test armed it, that instance appends to the same aggregate at
   * the same sequence number.
   */
  @Configuration(proxyBeanMethods = false)
  static class OtherInstance {
    static volatile String target;
    static volatile MongoEventStorageEngine engine;
    static final AtomicInteger raced = new AtomicInteger();

    @Bean
    AppendHook otherInstanceWritesFirst() {
      return events -> {
        String aggregate = target;
        if (aggregate != null
            && events.get(0) instanceof DomainEventMessage<?> mine
            && aggregate.equals(mine.getAggregateIdentifier())) {
          target = null;
          raced.incrementAndGet();
          engine.appendEvents(
              new GenericDomainEventMessage<>(
                  mine.getType(),
                  aggregate,
                  mine.getSequenceNumber(),
                  new CounterApi.Incremented(aggregate, 100, 100)));
        }
      };
    }
  }
}
