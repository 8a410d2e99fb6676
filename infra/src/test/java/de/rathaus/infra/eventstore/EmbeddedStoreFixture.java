package de.rathaus.infra.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import org.axonframework.serialization.json.JacksonSerializer;

/** An embedded server on a temporary directory, and engines built on it, for engine tests. */
final class EmbeddedStoreFixture implements AutoCloseable {

  final EmbeddedMongoServer server;
  final MongoClient client;
  final MongoDatabase database;
  final JacksonSerializer serializer;

  EmbeddedStoreFixture(Path dataDir) {
    this.server = EmbeddedMongoServer.start(dataDir);
    this.client = MongoClients.create(server.connectionString());
    this.database = client.getDatabase("rathaus");
    this.serializer = jsonSerializer();
  }

  /** The serializer of the engine tests' events and snapshots. */
  static JacksonSerializer jsonSerializer() {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    return JacksonSerializer.builder().objectMapper(mapper).build();
  }

  MongoEventStorageEngine.Builder engine() {
    return MongoEventStorageEngine.builder()
        .database(database)
        .eventSerializer(serializer)
        .snapshotSerializer(serializer);
  }

  MongoEventStorageEngine build() {
    MongoEventStorageEngine engine = engine().build();
    engine.ensureIndexes();
    return engine;
  }

  /** An engine on another database of the same server. */
  MongoEventStorageEngine build(String databaseName) {
    MongoEventStorageEngine engine = engine().database(client.getDatabase(databaseName)).build();
    engine.ensureIndexes();
    return engine;
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
