package de.rathaus.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Chooses the database: the MongoDB named by {@code RATHAUS_MONGODB_URI} (write concern majority
 * with journal and a bounded wait), or else the embedded server on the data directory. The {@code
 * production} profile refuses to start without a URI, so that a misconfigured city never runs on
 * the embedded store.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@EnableConfigurationProperties(RathausStorageProperties.class)
public class MongoStorageAutoConfiguration {

  static final String DEFAULT_DATABASE = "rathaus";

  @Bean(destroyMethod = "close")
  public RathausMongo rathausMongo(RathausStorageProperties properties, Environment environment) {
    RathausStorageProperties.Mongodb mongodb = properties.mongodb();
    if (mongodb.external()) {
      ConnectionString uri = new ConnectionString(mongodb.uri());
      MongoClientSettings settings =
          MongoClientSettings.builder()
              .applyConnectionString(uri)
              .writeConcern(boundedMajority(uri, properties.eventStore().lease()))
              .readConcern(ReadConcern.MAJORITY)
              .applicationName("rathaus")
              .build();
      String database =
          Optional.ofNullable(mongodb.database())
              .or(() -> Optional.ofNullable(uri.getDatabase()))
              .orElse(DEFAULT_DATABASE);
      MongoClient client = MongoClients.create(settings);
      if (environment.acceptsProfiles(Profiles.of("production"))) {
        try {
          checkProduction(uri, client, mongodb.allowStandalone());
        } catch (RuntimeException refused) {
          client.close();
          throw refused;
        }
      }
      return new RathausMongo(client, database, null);
    }
    if (environment.acceptsProfiles(Profiles.of("production"))) {
      throw new IllegalStateException(
          "The production profile needs a MongoDB replica set: set RATHAUS_MONGODB_URI");
    }
    EmbeddedMongoServer server =
        EmbeddedMongoServer.start(properties.dataDir(), properties.embedded().fsync());
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.connectionString()))
            .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
            .applicationName("rathaus")
            .build();
    String database = Optional.ofNullable(mongodb.database()).orElse(DEFAULT_DATABASE);
    return new RathausMongo(MongoClients.create(settings), database, server);
  }

  /**
   * What the production profile asks of the MongoDB it is given: retryable writes (a write whose
   * answer was lost in a failover is tried once more, and our writes are idempotent for it), and a
   * replica set, since majority writes on a standalone server or through an arbiter confirm nothing
   * beyond one disk. {@code allowStandalone} accepts a standalone server (the embedded store served
   * on its own) for tests and demos.
   */
  static void checkProduction(ConnectionString uri, MongoClient client, boolean allowStandalone) {
    if (Boolean.FALSE.equals(uri.getRetryWritesValue())) {
      throw new IllegalStateException(
          "The production profile needs retryable writes: remove retryWrites=false from"
              + " RATHAUS_MONGODB_URI");
    }
    Document hello;
    try {
      // the older name first: every MongoDB to 8 knows it, and the embedded server knows no other
      hello = client.getDatabase("admin").runCommand(new Document("isMaster", 1));
    } catch (com.mongodb.MongoCommandException unknown) {
      hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
    }
    Optional<String> standalone = standaloneReason(hello);
    if (standalone.isPresent() && !allowStandalone) {
      throw new IllegalStateException(
          "The production profile needs a MongoDB replica set, and RATHAUS_MONGODB_URI "
              + standalone.get()
              + ". Set RATHAUS_MONGODB_ALLOWSTANDALONE=true only for tests and demos on the"
              + " embedded store.");
    }
  }

  /** Why a server's {@code hello} answer is no replica set member to write to, or nothing. */
  static Optional<String> standaloneReason(Document hello) {
    if ("isdbgrid".equals(hello.getString("msg"))) {
      return Optional.empty(); // a mongos, in front of replica sets
    }
    if (Boolean.TRUE.equals(hello.getBoolean("arbiterOnly"))) {
      return Optional.of("names an arbiter, which holds no data");
    }
    if (hello.getString("setName") == null) {
      return Optional.of("names a server that is not a replica set");
    }
    return Optional.empty();
  }

  /**
   * Majority with journal, for every write of every adapter (events, case numbers, idempotency
   * records, tokens, views, keys), and a {@code wtimeout} of half the event store's lease (or the
   * URI's, if smaller): a replica set that lost its majority answers a write as unconfirmed after
   * that time instead of holding the request, a claimed token or a processor for ever.
   */
  static WriteConcern boundedMajority(ConnectionString uri, Duration lease) {
    long bound = Math.max(1, lease.toMillis() / 2);
    Integer own =
        uri.getWriteConcern() == null
            ? null
            : uri.getWriteConcern().getWTimeout(TimeUnit.MILLISECONDS);
    long wtimeout = own == null || own <= 0 ? bound : Math.min(own, bound);
    return WriteConcern.MAJORITY.withJournal(true).withWTimeout(wtimeout, TimeUnit.MILLISECONDS);
  }

  /**
   * The driver's client, closed by {@link RathausMongo} (its owner) and not by this bean: Spring
   * closed a client bean of its own at its place in the shutdown, before beans that still write on
   * their way out (the engine instance leaving the instances' collection found it closed, so the
   * others counted it out only 5 s later).
   */
  @Bean(destroyMethod = "")
  public MongoClient mongoClient(RathausMongo mongo) {
    return mongo.client();
  }

  @Bean
  public MongoDatabase rathausDatabase(RathausMongo mongo) {
    return mongo.database();
  }

  @Bean
  public MongoStorageHealthIndicator databaseHealthIndicator(RathausMongo mongo) {
    return new MongoStorageHealthIndicator(mongo);
  }
}
