package de.rathaus.infra.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Reports whether the database acknowledges a write with the engine's write concern (majority with
 * journal and a {@code wtimeout}, as every adapter writes) and which kind it is: a replica set that
 * lost its majority still answers {@code ping}, but every command on it would fail, so the engine
 * is DOWN then. A check replaces this instance's one document in {@value #COLLECTION} and removes
 * those of instances gone for a day; the answer is kept for {@link #REUSED_FOR}, since anyone may
 * ask for the health and a burst of checks must not become a burst of majority writes. (Spring
 * Boot's own MongoDB indicator sends {@code hello}, which the embedded server lacks.) How far the
 * event store and the read models have come is in the metrics ({@code rathaus_processor_position},
 * {@code rathaus_processor_behind}).
 */
public class MongoStorageHealthIndicator implements HealthIndicator {

  /** Where the probes are written: one document per running instance. */
  static final String COLLECTION = "health_probes";

  /** How long one check's answer is given again. */
  static final java.time.Duration REUSED_FOR = java.time.Duration.ofSeconds(5);

  /** How long a gone instance's probe stays. */
  static final java.time.Duration KEPT_FOR = java.time.Duration.ofDays(1);

  private final RathausMongo mongo;
  private final String instance = UUID.randomUUID().toString();
  private final Object checking = new Object();
  private volatile Health last;
  private volatile long lastAt;

  private final AbstractHealthIndicator probe;

  public MongoStorageHealthIndicator(RathausMongo mongo) {
    this.mongo = mongo;
    this.probe =
        new AbstractHealthIndicator("The database could not be reached") {
          @Override
          protected void doHealthCheck(Health.Builder builder) {
            check(builder);
          }
        };
  }

  @Override
  public Health health() {
    Health reused = fresh();
    if (reused != null) {
      return reused;
    }
    synchronized (checking) {
      reused = fresh();
      if (reused != null) {
        return reused;
      }
      Health now = probe.health();
      last = now;
      lastAt = System.nanoTime();
      return now;
    }
  }

  private Health fresh() {
    Health known = last;
    return known != null && System.nanoTime() - lastAt < REUSED_FOR.toNanos() ? known : null;
  }

  private void check(Health.Builder builder) {
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
      mongo
          .database()
          .getCollection(COLLECTION)
          .deleteMany(Filters.lt("at", new Date(System.currentTimeMillis() - KEPT_FOR.toMillis())));
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
