package de.rathaus.infra.eventstore.peer;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * The stock Mongo engine of Axon's extension ({@code axon-mongo}: one document per event, its
 * default collections and indexes), on a database of the embedded server: the engine a user of Axon
 * on MongoDB would take before ours, for the event store benchmark's {@code *_vs_axon_mongo}
 * figures.
 */
public final class AxonMongoPeer implements AutoCloseable {

  public final MongoEventStorageEngine engine;
  public final EmbeddedEventStore store;

  private AxonMongoPeer(MongoEventStorageEngine engine, EmbeddedEventStore store) {
    this.engine = engine;
    this.store = store;
  }

  /** The engine on {@code database}, its indexes created. */
  public static AxonMongoPeer on(MongoDatabase database, Serializer serializer) {
    MongoEventStorageEngine engine =
        MongoEventStorageEngine.builder()
            .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .build();
    engine.ensureIndexes();
    return new AxonMongoPeer(engine, EmbeddedEventStore.builder().storageEngine(engine).build());
  }

  @Override
  public void close() {
    store.shutDown();
  }
}
