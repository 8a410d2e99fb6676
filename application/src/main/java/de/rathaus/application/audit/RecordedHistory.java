package de.rathaus.application.audit;

import java.util.Collection;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * The stored history read back as processors receive it (upcast, personal data decrypted where the
 * key still exists), each event with the tracking token of its global position.
 */
public interface RecordedHistory {

  /** Every event of one aggregate, in sequence order; empty if no such aggregate exists. */
  List<TrackedEventMessage<?>> ofAggregate(String aggregateId);

  /** The events at the given global positions that hold one, in position order. */
  List<TrackedEventMessage<?>> atPositions(Collection<Long> positions);

  /**
   * The positions, ascending, of the events of other histories that are about the aggregate: the
   * supports and ratings of a proposal (each support and rating is a history of its own, whose id
   * does not reveal whose it is). Empty for aggregates nothing else refers to.
   */
  List<Long> positionsAbout(String aggregateId);
}
