package de.rathaus.application.shared;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How a projection applies an event to the record of its aggregate: once. An event at or below the
 * record's sequence was applied already (it is redelivered) and is ignored; a change is written
 * only over the record it was computed from.
 */
public final class ViewUpdates {

  private ViewUpdates() {}

  /** Stores the record an aggregate's first event creates, unless it exists already. */
  public static <V extends Versioned<V>> void create(VersionedViews<V> views, V view) {
    views.insert(view);
  }

  /**
   * Applies the event with {@code sequence} of aggregate {@code id}, unless its record has seen it:
   * {@code change} gets the record as it is (empty if the aggregate has none yet) and answers it as
   * it is after the event, created if it was absent.
   */
  public static <V extends Versioned<V>> void apply(
      VersionedViews<V> views,
      String id,
      long sequence,
      java.util.function.Function<Optional<V>, V> change) {
    Optional<V> current = views.find(id);
    if (current.isPresent() && current.get().sequence() >= sequence) {
      return;
    }
    V next = change.apply(current).atSequence(sequence);
    if (current.isEmpty()) {
      views.insert(next);
    } else {
      views.replace(next, current.get().sequence());
    }
  }

  /**
   * Applies {@code change} to the record of aggregate {@code id} for the event with {@code
   * sequence}, unless the record has seen that event; a record not (yet) created stays absent.
   */
  public static <V extends Versioned<V>> void update(
      VersionedViews<V> views, String id, long sequence, UnaryOperator<V> change) {
    Optional<V> current = views.find(id);
    if (current.isEmpty() || current.get().sequence() >= sequence) {
      return;
    }
    V before = current.get();
    views.replace(change.apply(before).atSequence(sequence), before.sequence());
  }
}
