package de.rathaus.application.transparency;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes a stopped engine's stored history as JSON lines, one {@link HistoryLine} per position,
 * with the leaf hashes sealed so far. Found through {@link java.util.ServiceLoader}: the storage
 * provides it, and the command that runs it must not start the engine.
 */
public interface HistoryExporter {

  /** Thrown when there is no store to read, or it is in use; its message names the setting. */
  class NoStore extends RuntimeException {
    public NoStore(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Exports the store that {@code environment} configures as the engine reads it ({@code
   * RATHAUS_MONGODB_URI}, {@code RATHAUS_MONGODB_DATABASE}, else {@code RATHAUS_DATA_DIR}).
   *
   * @return the number of lines written
   */
  long export(Map<String, String> environment, Writer out) throws IOException;
}
