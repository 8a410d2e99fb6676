package de.rathaus.application.audit;

import java.time.Instant;
import java.util.Set;

/**
 * The writing side of the audit index: for every key, the positions of the events that have it,
 * each under a dense ordinal (1, 2, 3, ... in the order the index learned them), so that a page of
 * one key's events is a lookup of the next ordinals, whatever the size of the store.
 */
public interface AuditIndex {

  /**
   * Records that the event at {@code position} has each of {@code keys}; a key that has it already
   * (a redelivered event) keeps its one entry.
   */
  void record(long position, Instant timestamp, Set<String> keys);

  /** Empties the index before it is rebuilt from the history. */
  void clear();
}
