package de.rathaus.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.infra.eventstore.testapp.CounterApi;
import de.rathaus.infra.eventstore.testapp.CounterApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;

/** Which database the engine runs on, and how its serializers are set up. */
class StorageConfigurationIT {

  @TempDir Path dataDir;
  @TempDir Path otherDir;

  @Test
  void withoutAUriTheEmbeddedServerRunsOnTheDataDirectoryAndReportsHealthy() {
    try (ConfigurableApplicationContext engine = CounterApplication.start(dataDir.toString())) {
      assertThat(engine.getBean(RathausMongo.class).isEmbedded()).isTrue();
      assertThat(Files.exists(dataDir.resolve(EmbeddedMongoServer.FILE_NAME))).isTrue();

      Health health = engine.getBean(MongoStorageHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("database", "embedded (H2 file)");
    }
  }

  @Test
  void withAUriTheEngineUsesThatMongoDbAndStartsNoEmbeddedServer() {
    try (EmbeddedMongoServer external = EmbeddedMongoServer.start(otherDir);
        MongoClient inspector = MongoClients.create(external.connectionString());
        ConfigurableApplicationContext engine =
            CounterApplication.start(
                dataDir.toString(),
                "rathaus.mongodb.uri=" + external.connectionString(),
                "rathaus.mongodb.database=city")) {
      assertThat(engine.getBean(RathausMongo.class).isEmbedded()).isFalse();
      // every adapter's writes wait for the majority at most half the lease (10 s by default)
      WriteConcern writes = engine.getBean(MongoDatabase.class).getWriteConcern();
      assertThat(writes.getWString()).isEqualTo("majority");
      assertThat(writes.getJournal()).isTrue();
      assertThat(writes.getWTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
      engine.getBean(CommandGateway.class).sendAndWait(new CounterApi.OpenCounter("remote-1"));

      assertThat(
              inspector
                  .getDatabase("city")
                  .getCollection("events")
                  .countDocuments(new Document("aggregateId", "remote-1")))
          .isEqualTo(1);
      assertThat(Files.exists(dataDir.resolve(EmbeddedMongoServer.FILE_NAME))).isFalse();
      Health health = engine.getBean(MongoStorageHealthIndicator.class).health();
      assertThat(health.getDetails()).containsEntry("database", "mongodb");
    }
  }

  @Test
  void theProductionProfileRefusesToStartWithoutAUri() {
    assertThatThrownBy(
            () -> CounterApplication.start(dataDir.toString(), "spring.profiles.active=production"))
        .hasRootCauseMessage(
            "The production profile needs a MongoDB replica set: set RATHAUS_MONGODB_URI");
    assertThat(Files.exists(dataDir.resolve(EmbeddedMongoServer.FILE_NAME))).isFalse();
  }

  @Test
  void theProductionProfileRefusesAStandaloneServerUnlessItIsAllowedForTestsAndDemos() {
    try (EmbeddedMongoServer standalone = EmbeddedMongoServer.start(otherDir)) {
      assertThatThrownBy(
              () ->
                  CounterApplication.start(
                      dataDir.toString(),
                      "spring.profiles.active=production",
                      "rathaus.mongodb.uri=" + standalone.connectionString()))
          .rootCause()
          .hasMessageContaining("not a replica set")
          .hasMessageContaining("RATHAUS_MONGODB_ALLOWSTANDALONE");
      try (ConfigurableApplicationContext engine =
          CounterApplication.start(
              dataDir.toString(),
              "spring.profiles.active=production",
              "rathaus.mongodb.uri=" + standalone.connectionString(),
              "rathaus.mongodb.allow-standalone=true")) {
        engine.getBean(CommandGateway.class).sendAndWait(new CounterApi.OpenCounter("alone-1"));
      }
    }
  }

  @Test
  void theProductionProfileRefusesAUriThatTurnsRetryableWritesOff() {
    try (EmbeddedMongoServer standalone = EmbeddedMongoServer.start(otherDir)) {
      assertThatThrownBy(
              () ->
                  CounterApplication.start(
                      dataDir.toString(),
                      "spring.profiles.active=production",
                      "rathaus.mongodb.allow-standalone=true",
                      "rathaus.mongodb.uri="
                          + standalone.connectionString()
                          + "/?retryWrites=false"))
          .rootCause()
          .hasMessageContaining("retryWrites=false");
    }
  }

  @Test
  void theReplicaSetCheckReadsTheServersOwnAnswer() {
    assertThat(MongoStorageAutoConfiguration.standaloneReason(new Document("setName", "rs0")))
        .isEmpty();
    assertThat(MongoStorageAutoConfiguration.standaloneReason(new Document("ismaster", true)))
        .hasValueSatisfying(why -> assertThat(why).contains("not a replica set"));
    assertThat(
            MongoStorageAutoConfiguration.standaloneReason(
                new Document("setName", "rs0").append("arbiterOnly", true)))
        .hasValueSatisfying(why -> assertThat(why).contains("arbiter"));
    assertThat(MongoStorageAutoConfiguration.standaloneReason(new Document("msg", "isdbgrid")))
        .isEmpty();
  }

  @Test
  void everySerializerIsJacksonAndXStreamIsNotOnTheClassPath() {
    try (ConfigurableApplicationContext engine = CounterApplication.start(dataDir.toString())) {
      assertThat(BeanFactoryUtils.beansOfTypeIncludingAncestors(engine, Serializer.class).values())
          .isNotEmpty()
          .allSatisfy(serializer -> assertThat(serializer).isInstanceOf(JacksonSerializer.class));
    }
    assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
