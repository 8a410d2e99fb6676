package de.rathaus.application.shared;

/**
 * The store may or may not have kept a change: the write was sent, but its confirmation did not
 * come (a write concern that timed out, a connection lost while waiting for the answer). The change
 * can still become visible later, so the caller must not be told it was refused; it is told that
 * the outcome is unknown, and that sending the same request again with the same {@code
 * Idempotency-Key} is safe.
 */
public class OutcomeUnknown extends RuntimeException {

  public OutcomeUnknown(String message, Throwable cause) {
    super(message, cause);
  }
}
