package de.rathaus.application.shared;

import java.util.Optional;

/**
 * The writing side of a read model whose records each follow one aggregate: what {@link
 * ViewUpdates} needs. Writes are conditional, so that two writers (a worker that lost its claim and
 * the one that took over) can never put an older record over a newer one.
 *
 * @param <V> the record type
 */
public interface VersionedViews<V extends Versioned<V>> {

  /** The record of the aggregate {@code id}, if there is one. */
  Optional<V> find(String id);

  /** Stores the first record of an aggregate; does nothing if one is stored already. */
  void insert(V view);

  /**
   * Replaces the stored record if it is still at {@code previousSequence}; answers whether it did
   * (false: another writer moved it on meanwhile, and its record stays).
   */
  boolean replace(V view, long previousSequence);

  /** Empties the read model before it is rebuilt from the history. */
  void clear();
}
