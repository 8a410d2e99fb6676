package de.rathaus.application.shared;

/**
 * The engine refuses to start because of how it is configured or what it finds in the store (a
 * setting that cannot be read, a key that is not the one the other instances use). The message is
 * one line for the operator: what is wrong and which setting fixes it; the start-up shows it
 * without a stack trace.
 */
public class StartRefused extends RuntimeException {

  public StartRefused(String message) {
    super(message, null, false, false);
  }
}
