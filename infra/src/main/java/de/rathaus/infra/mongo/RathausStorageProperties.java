package de.rathaus.infra.mongo;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Rathaus keeps its data. Environment variables bind by Spring's relaxed rules: {@code
 * RATHAUS_DATA_DIR}, {@code RATHAUS_MONGODB_URI}, {@code RATHAUS_MONGODB_DATABASE}.
 *
 * @param dataDir the data directory (embedded store file and everything else written locally)
 * @param mongodb the MongoDB to use; without a URI the embedded server is started
 * @param eventStore tuning of the event storage engine
 * @param embedded options of the embedded server
 */
@ConfigurationProperties("rathaus")
public record RathausStorageProperties(
    Path dataDir, Mongodb mongodb, EventStore eventStore, Embedded embedded) {

  public RathausStorageProperties {
    dataDir = dataDir == null ? Path.of("data") : dataDir;
    mongodb = mongodb == null ? new Mongodb(null, null, false) : mongodb;
    eventStore = eventStore == null ? new EventStore(0, 0, null, null) : eventStore;
    embedded = embedded == null ? new Embedded(false) : embedded;
  }

  /**
   * @param fsync force every journal write of the embedded server to the disk (survives a power
   *     failure, not only a killed process; slower)
   */
  public record Embedded(boolean fsync) {}

  /**
   * @param uri a MongoDB connection string (production: a replica set); empty = embedded
   * @param database the database name, {@code rathaus} unless the URI or this names another
   */
  /**
   * @param uri the MongoDB connection string; none: the embedded server
   * @param database the database's name
   * @param allowStandalone under the production profile, accept a server that is not a replica set
   *     (the embedded store served standalone, for tests, benchmarks and demos of several
   *     instances); never for a city's production
   */
  public record Mongodb(String uri, String database, boolean allowStandalone) {
    public boolean external() {
      return uri != null && !uri.isBlank();
    }
  }

  /**
   * @param batchSize events per fetch of a processor (keys per {@code $in}); default 100
   * @param positionBlockSize global positions reserved per counter round trip; default 32
   * @param lease how long a writer may use a reserved position; default 10 s
   * @param gapTimeout how long processors wait for a gap to be filled; default 60 s
   */
  public record EventStore(
      int batchSize, int positionBlockSize, Duration lease, Duration gapTimeout) {
    public EventStore {
      batchSize = batchSize <= 0 ? 100 : batchSize;
      positionBlockSize = positionBlockSize <= 0 ? 32 : positionBlockSize;
      lease = lease == null ? Duration.ofSeconds(10) : lease;
      gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
    }
  }
}
