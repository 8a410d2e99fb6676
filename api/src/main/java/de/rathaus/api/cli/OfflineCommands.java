package de.rathaus.api.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.application.transparency.Checkpoint;
import de.rathaus.application.transparency.HistoryVerification;
import de.rathaus.application.transparency.LogKeySet;
import de.rathaus.application.transparency.ReceiptVerification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commands of the engine's jar that check the city's history without the city: {@code verify
 * <export> <checkpoint.json> <public-key-file>...} checks an exported history against a signed
 * checkpoint, {@code verify-receipt <receipt.json> <public-key-file>...} checks a citizen's
 * receipt. A key file may hold a key in any form the engine publishes (PEM, a C2SP verifier key),
 * or the JSON of the well-known address, which lists every key the log had with its period; the
 * checkpoint must be signed by one of the given keys, within its period where the file gives one
 * (after a key rotation, the well-known JSON verifies the old checkpoints and the new). Neither
 * needs a store or starts Spring: they read files only. {@code store --port N} ({@link
 * StoreCommand}) serves the embedded store on its own, for several engine instances on one store;
 * it starts no engine either.
 *
 * <p>Exit codes: 0 valid, 1 invalid (the first bad position and the reason are printed), 2 wrong
 * usage or unreadable input.
 */
public final class OfflineCommands {

  static final int VALID = 0;
  static final int INVALID = 1;
  static final int USAGE = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private OfflineCommands() {}

  /**
   * Runs the command the arguments name and answers its exit code; empty if the first argument is
   * none of these commands (then the engine starts as usual).
   */
  public static Optional<Integer> run(String[] args, PrintStream out, PrintStream err) {
    if (args == null || args.length == 0) {
      return Optional.empty();
    }
    return switch (args[0]) {
      case "verify" -> Optional.of(verify(args, out, err));
      case "verify-receipt" -> Optional.of(verifyReceipt(args, out, err));
      case "export-history" -> Optional.of(HistoryExportCommand.run(args, out, err));
      case "store" -> Optional.of(StoreCommand.run(args, out, err));
      default -> Optional.empty();
    };
  }

  private static int verify(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 4) {
      err.println("usage: verify <export.jsonl> <checkpoint.json> <public-key-file>...");
      return USAGE;
    }
    Checkpoint checkpoint;
    LogKeySet key;
    try {
      JsonNode json = readJson(path(args[2]), "checkpoint");
      try {
        checkpoint = Checkpoint.fromJson(json);
      } catch (IllegalArgumentException e) {
        throw new InputProblem("the checkpoint file is malformed: " + e.getMessage());
      }
      key = readKeys(args, 3);
    } catch (InputProblem e) {
      err.println(e.getMessage());
      return USAGE;
    }
    HistoryVerification.Result result;
    try (BufferedReader lines = Files.newBufferedReader(path(args[1]), StandardCharsets.UTF_8)) {
      result = HistoryVerification.verify(lines, checkpoint, key);
    } catch (InputProblem | IOException | UncheckedIOException e) {
      err.println("cannot read the export " + args[1]);
      return USAGE;
    }
    if (result.valid()) {
      out.println(
          "valid: positions 1 to "
              + result.checkedSize()
              + " are the history "
              + checkpoint.logId()
              + " signed at "
              + checkpoint.timestamp());
      return VALID;
    }
    out.println(
        "invalid: first bad position "
            + (result.firstBadPosition() == null ? "unknown" : result.firstBadPosition()));
    out.println("reason: " + result.reason());
    return INVALID;
  }

  private static int verifyReceipt(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 3) {
      err.println("usage: verify-receipt <receipt.json> <public-key-file>...");
      return USAGE;
    }
    JsonNode receipt;
    LogKeySet key;
    try {
      receipt = readJson(path(args[1]), "receipt");
      key = readKeys(args, 2);
    } catch (InputProblem e) {
      err.println(e.getMessage());
      return USAGE;
    }
    ReceiptVerification.Result result = ReceiptVerification.verify(receipt, key);
    out.println((result.valid() ? "valid: " : "invalid: ") + result.reason());
    return result.valid() ? VALID : INVALID;
  }

  private static Path path(String argument) {
    try {
      return Path.of(argument);
    } catch (InvalidPathException e) {
      throw new InputProblem("not a file name: " + argument);
    }
  }

  private static JsonNode readJson(Path file, String what) {
    try {
      return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new InputProblem("the " + what + " file " + file + " is not JSON");
    } catch (IOException e) {
      throw new InputProblem("cannot read the " + what + " file " + file);
    }
  }

  /** The keys of the key files from {@code args[first]} on, each trusted for its own periods. */
  private static LogKeySet readKeys(String[] args, int first) {
    List<LogKeySet> keys = new ArrayList<>();
    for (int i = first; i < args.length; i++) {
      keys.add(readKey(path(args[i])));
    }
    return LogKeySet.anyOf(keys);
  }

  private static LogKeySet readKey(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputProblem("cannot read the key file " + file);
    }
    try {
      return LogKeySet.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InputProblem("the key file " + file + " holds no public key: " + e.getMessage());
    }
  }

  /** Input that cannot be used: a usage error (exit 2), not an invalid history. */
  private static final class InputProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputProblem(String message) {
      super(message, null, false, false);
    }
  }
}
