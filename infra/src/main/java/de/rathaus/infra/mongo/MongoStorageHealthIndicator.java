package de.rathaus.infra.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Reports whether the database acknowledges a write with the engine's write concern (majority with
 * journal and a {@code wtimeout}, as every adapter writes) and which kind it is: a replica set that
 * lost its majority still answers {@code ping}, but every command on it would fail, so the engine
 * is DOWN then. Each check replaces this instance's one document in {@value #COLLECTION}. (Spring
 * Boot's own MongoDB indicator sends {@code hello}, which the embedded server lacks.) How far the
 * event store and the read models have come is in the metrics ({@code rathaus_processor_position},
 * {@code rathaus_processor_behind}).
 */
public class MongoStorageHealthIndicator extends AbstractHealthIndicator {

  /** Where the probes are written: one document per running instance. */
  static final String COLLECTION = "health_probes";

  private final RathausMongo mongo;
  private final String instance = UUID.randomUUID().toString();

  public MongoStorageHealthIndicator(RathausMongo mongo) {
    super("The database could not be reached");
    this.mongo = mongo;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    mongo.database().runCommand(new Document("ping", 1));
    builder.withDetail("database", mongo.isEmbedded() ? "embedded (H2 file)" : "mongodb");
    try {
      mongo
          .database()
          .getCollection(COLLECTION)
          .replaceOne(
              Filters.eq("_id", instance),
              new Document("_id", instance).append("at", new Date()),
              new ReplaceOptions().upsert(true));
    } catch (MongoException unacknowledged) {
      builder
          .down()
          .withDetail("writes", "not acknowledged")
          .withDetail("error", unacknowledged.getClass().getSimpleName());
      return;
    }
    builder.up().withDetail("writes", "acknowledged");
  }
}
