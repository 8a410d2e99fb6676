package de.rathaus.infra.mongo;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Reports whether the database answers and which kind it is. (Spring Boot's own MongoDB indicator
 * sends {@code hello}, which the embedded server lacks.) How far the event store and the read
 * models have come is in the metrics ({@code rathaus_processor_position}, {@code
 * rathaus_processor_behind}).
 */
public class MongoStorageHealthIndicator extends AbstractHealthIndicator {

  private final RathausMongo mongo;

  public MongoStorageHealthIndicator(RathausMongo mongo) {
    super("The database could not be reached");
    this.mongo = mongo;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    mongo.database().runCommand(new Document("ping", 1));
    builder.up().withDetail("database", mongo.isEmbedded() ? "embedded (H2 file)" : "mongodb");
  }
}
