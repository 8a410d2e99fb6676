package de.rathaus.infra.transparency;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.rathaus.application.transparency.HistoryExporter;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The export of {@code export-history}: from {@code RATHAUS_MONGODB_URI}, else from the embedded
 * store in {@code RATHAUS_DATA_DIR} (default {@code ./data}), which only a stopped engine lets go
 * of. Reads only.
 */
public class MongoHistoryExporter implements HistoryExporter {

  @Override
  public long export(Map<String, String> environment, Writer out) throws IOException {
    String uri = environment.get("RATHAUS_MONGODB_URI");
    String database = environment.getOrDefault("RATHAUS_MONGODB_DATABASE", "rathaus");
    EmbeddedMongoServer embedded = null;
    try {
      if (uri == null || uri.isBlank()) {
        Path dataDir = Path.of(environment.getOrDefault("RATHAUS_DATA_DIR", "data"));
        if (!Files.isDirectory(dataDir)) {
          throw new NoStore(
              "No store: " + dataDir + " is no data directory (set RATHAUS_DATA_DIR)");
        }
        try {
          embedded = EmbeddedMongoServer.start(dataDir);
        } catch (RuntimeException inUse) {
          throw new NoStore(
              "The embedded store in " + dataDir + " cannot be opened: stop the engine first");
        }
        uri = embedded.connectionString();
      }
      try (MongoClient client = MongoClients.create(uri)) {
        return HistoryExport.write(client.getDatabase(database), out);
      }
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
