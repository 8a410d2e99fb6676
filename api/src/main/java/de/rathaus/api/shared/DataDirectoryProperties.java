package de.rathaus.api.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the engine writes locally ({@code RATHAUS_DATA_DIR}): the web server's work files go there
 * too, next to what the storage keeps in it.
 *
 * @param dataDir the data directory; default {@code ./data}
 */
@ConfigurationProperties("rathaus")
public record DataDirectoryProperties(Path dataDir) {

  public DataDirectoryProperties {
    dataDir = dataDir == null ? Path.of("data") : dataDir;
  }
}
