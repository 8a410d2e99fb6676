package de.rathaus.application.privacy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How often a personal value could not be read because its key was missing without a recorded
 * erasure ({@link PersonalDataKeyMissing}), since the engine started. Any count above zero needs
 * the operator: the key store is not the one the data was written with.
 */
public final class MissingKeys {

  private final AtomicLong count = new AtomicLong();

  /** Counts one value that could not be read. */
  public void record() {
    count.incrementAndGet();
  }

  /** How many values could not be read since the start. */
  public long total() {
    return count.get();
  }
}
