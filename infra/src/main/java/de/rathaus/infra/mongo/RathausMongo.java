package de.rathaus.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * The database the engine runs on, with what it takes to make a write durable.
 *
 * @param client the driver's client
 * @param databaseName the database holding events, snapshots, tokens and read models
 * @param embedded the embedded server, or {@code null} on an external MongoDB
 */
public record RathausMongo(MongoClient client, String databaseName, EmbeddedMongoServer embedded)
    implements AutoCloseable {

  public MongoDatabase database() {
    return client.getDatabase(databaseName);
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  @Override
  public void close() {
    client.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
