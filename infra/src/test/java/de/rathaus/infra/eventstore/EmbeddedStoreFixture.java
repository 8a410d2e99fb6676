package de.rathaus.infra.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import de.rathaus.infra.mongo.TestDatabase;
import java.nio.file.Path;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * An embedded server on a temporary directory, and engines built on it, for engine tests. Under the
 * {@code external-store} profile the same tests run on a fresh database of the MongoDB that {@code
 * RATHAUS_TEST_MONGODB_URI} names instead ({@link TestDatabase}), dropped on {@link #close()}.
 */
final class EmbeddedStoreFixture implements AutoCloseable {

  final TestDatabase store;
  final MongoClient client;
  final MongoDatabase database;
  final JacksonSerializer serializer;

  EmbeddedStoreFixture(Path dataDir) {
    this(TestDatabase.open(dataDir));
  }

  private EmbeddedStoreFixture(TestDatabase store) {
    this.store = store;
    this.client = store.client();
    this.database = store.database();
    this.serializer = jsonSerializer();
  }

  /** The same stored data after a restart of the server (embedded) or of the clients (external). */
  EmbeddedStoreFixture restart() {
    return new EmbeddedStoreFixture(store.restart());
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
    MongoEventStorageEngine engine = engine().database(store.database(databaseName)).build();
    engine.ensureIndexes();
    return engine;
  }

  @Override
  public void close() {
    store.close();
  }
}
