package de.rathaus.infra.mongo;

import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Reports whether the database answers, which kind it is, and how far the event store has come.
 * (Spring Boot's own MongoDB indicator sends {@code hello}, which the embedded server lacks.)
 */
public class MongoStorageHealthIndicator extends AbstractHealthIndicator {

  private final RathausMongo mongo;
  private final ObjectProvider<MongoEventStorageEngine> engine;

  public MongoStorageHealthIndicator(
      RathausMongo mongo, ObjectProvider<MongoEventStorageEngine> engine) {
    super("The database could not be reached");
    this.mongo = mongo;
    this.engine = engine;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    mongo.database().runCommand(new Document("ping", 1));
    builder.up().withDetail("database", mongo.isEmbedded() ? "embedded (H2 file)" : "mongodb");
    MongoEventStorageEngine storage = engine.getIfAvailable();
    if (storage != null) {
      builder.withDetail("highestPosition", storage.highestPosition());
    }
  }
}
