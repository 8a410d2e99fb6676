package de.rathaus.api.cli;

import de.rathaus.application.transparency.HistoryExporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * {@code export-history <file>}: writes the stored history as JSON lines for {@code verify}, from
 * the store the environment configures as the engine reads it ({@code RATHAUS_MONGODB_URI}, else
 * the embedded store in {@code RATHAUS_DATA_DIR} of a stopped engine). Writes nothing to the store
 * and starts no web server. Exit codes: 0 written, 2 wrong usage or no store to read.
 */
final class HistoryExportCommand {

  private HistoryExportCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.getenv(), out, err);
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length != 2) {
      err.println("usage: export-history <file>");
      return OfflineCommands.USAGE;
    }
    Optional<HistoryExporter> exporter = ServiceLoader.load(HistoryExporter.class).findFirst();
    if (exporter.isEmpty()) {
      err.println("This build has no storage to export from");
      return OfflineCommands.USAGE;
    }
    Path target;
    try {
      target = Path.of(args[1]);
    } catch (InvalidPathException e) {
      err.println("Not a file name: " + args[1]);
      return OfflineCommands.USAGE;
    }
    // written beside the target and moved over it once complete: a failed export (no store, the
    // store in use, a full disk) leaves an earlier export as it was
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      long lines;
      try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        lines = exporter.get().export(env, writer);
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      out.println("Wrote " + lines + " positions of the history to " + target);
      return OfflineCommands.VALID;
    } catch (HistoryExporter.NoStore e) {
      err.println(e.getMessage());
      return OfflineCommands.USAGE;
    } catch (IOException e) {
      err.println("Could not write " + target + ": " + e.getClass().getSimpleName());
      return OfflineCommands.USAGE;
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // nothing more to clean up than we could
      }
    }
  }
}
