package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.infra.eventstore.testapp.CounterApi;
import de.rathaus.infra.eventstore.testapp.CounterApplication;
import de.rathaus.infra.eventstore.testapp.CounterProjection;
import de.rathaus.infra.mongo.TestDatabase;
import java.nio.file.Path;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The engine as the auto-configuration wires it on the embedded store stores and reads back. */
class EventStoreAutoConfigurationIT {

  @TempDir Path dataDir;
  private final String database = TestDatabase.freshName();

  @AfterEach
  void dropDatabase() {
    TestDatabase.drop(database);
  }

  @Test
  void theAutoConfiguredEngineStoresAndReadsBack() {
    try (ConfigurableApplicationContext engine =
        CounterApplication.startOn(dataDir.toString(), database)) {
      engine.getBean(CommandGateway.class).sendAndWait(new CounterApi.OpenCounter("c-1"));

      assertThat(engine.getBean(EventStore.class).readEvents("c-1").asStream().count())
          .isEqualTo(1);
      assertThat(engine.getBean(EventStorageEngine.class))
          .isInstanceOf(MongoEventStorageEngine.class);
    }
  }

  @Test
  void aReadModelHoldsAtAnEventItFailedOnAndAppliesItOnceItCan() throws Exception {
    try (ConfigurableApplicationContext engine =
        CounterApplication.startOn(dataDir.toString(), database)) {
      CommandGateway commands = engine.getBean(CommandGateway.class);
      CounterProjection projection = engine.getBean(CounterProjection.class);
      commands.sendAndWait(new CounterApi.OpenCounter("c-2"));
      projection.failingIncrements.set(2);

      commands.sendAndWait(new CounterApi.Increment("c-2", 5));

      // skipping it (Axon's default: log and go on) would leave the total at 0 for good
      Await.until(
          java.time.Duration.ofSeconds(30),
          () -> Integer.valueOf(5).equals(projection.totals.get("c-2")),
          "the failed event is applied once the read model can");
      assertThat(projection.failingIncrements.get()).isZero();
    }
  }
}
