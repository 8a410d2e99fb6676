package de.rathaus.api.shared;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * An unexpected exception as the log shows it: each exception of its cause chain with its type and
 * stack trace, and its message only if the engine's own code threw it (those never hold personal
 * values). A library's message may quote what was sent (a number that did not parse, a duplicate
 * key's value), so it is left out: the type and the stack say where it happened, the error id which
 * request it was.
 */
final class LoggedException extends RuntimeException {

  private static final String WITHHELD = " (message not logged: it may quote what was sent)";

  private LoggedException(String description, StackTraceElement[] trace, Throwable cause) {
    super(description, cause, false, true);
    setStackTrace(trace);
  }

  /** {@code e} with the messages that may quote input left out, on every cause. */
  static Throwable of(Throwable e) {
    return of(e, new IdentityHashMap<>());
  }

  private static Throwable of(Throwable e, Map<Throwable, Boolean> seen) {
    if (e == null || seen.put(e, Boolean.TRUE) != null) {
      return null; // the end of the chain, or a cycle
    }
    String description =
        e.getClass().getName()
            + (ours(e) && e.getMessage() != null ? ": " + e.getMessage() : WITHHELD);
    return new LoggedException(description, e.getStackTrace(), of(e.getCause(), seen));
  }

  /** Thrown by the engine's own code: its first frame is ours. */
  private static boolean ours(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length > 0 && trace[0].getClassName().startsWith("de.rathaus.");
  }
}
