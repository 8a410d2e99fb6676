package de.rathaus.infra.eventstore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * The newest global position known per aggregate, learnt from this instance's loads and appends. A
 * commit that continues an aggregate must get positions after it, so that each aggregate's events
 * stay in order in the global stream.
 */
final class AggregatePositions {

  private static final int MAX_REMEMBERED_AGGREGATES = 100_000;

  private final Map<String, Long> lastPositions = new ConcurrentHashMap<>();

  /**
   * The position the commit's events must come after: the newest known position of every aggregate
   * the commit continues, {@link Long#MAX_VALUE} when one of them is not known here.
   */
  long toFollow(List<? extends EventMessage<?>> events) {
    long after = 0;
    for (EventMessage<?> event : events) {
      if (event instanceof DomainEventMessage<?> domain
          && domain.getAggregateIdentifier() != null
          && domain.getSequenceNumber() > 0) {
        Long known = lastPositions.get(domain.getAggregateIdentifier());
        after = Math.max(after, known == null ? Long.MAX_VALUE : known);
      }
    }
    return after;
  }

  void remember(String aggregateId, long position) {
    if (lastPositions.size() > MAX_REMEMBERED_AGGREGATES) {
      lastPositions.clear(); // forgetting only costs a counter round trip on the next append
    }
    lastPositions.merge(aggregateId, position, Math::max);
  }
}
