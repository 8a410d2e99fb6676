package de.rathaus.application.shared;

import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * How far a read model's stored records have come, per aggregate: the sequence number of the last
 * event of an aggregate's stream its record shows, whichever instance applied it. Read-your-writes
 * looks here for the events of a command whose aggregate another instance processes.
 */
@FunctionalInterface
public interface AppliedSequences {

  /**
   * The sequence number of the last event of aggregate {@code aggregate} the stored record shows;
   * empty if the read model has no record of it (yet).
   */
  OptionalLong of(String aggregate);

  /** The sequences of a read model whose records are keyed by their aggregate's id. */
  static <V extends Versioned<V>> AppliedSequences of(VersionedViews<V> views) {
    return of(views, UnaryOperator.identity());
  }

  /**
   * The sequences of a read model whose records are keyed by {@code key} of their aggregate's id (a
   * department's record by its code, its history by {@code department:} and the code).
   */
  static <V extends Versioned<V>> AppliedSequences of(
      VersionedViews<V> views, UnaryOperator<String> key) {
    return aggregate ->
        views
            .find(key.apply(aggregate))
            .map(view -> OptionalLong.of(view.sequence()))
            .orElseGet(OptionalLong::empty);
  }
}
