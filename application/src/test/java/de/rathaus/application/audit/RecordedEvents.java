package de.rathaus.application.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * A stored history in memory: events get consecutive global positions and the timestamps given, as
 * the event store would hand them back; events about an aggregate from other histories are found by
 * the function given.
 */
public final class RecordedEvents implements RecordedHistory {

  private final Map<Long, TrackedEventMessage<?>> byPosition = new LinkedHashMap<>();
  private final Function<Object, String> about;
  private long position = 10;

  /**
   * @param about the aggregate an event of another history is about ({@code null} for none)
   */
  public RecordedEvents(Function<Object, String> about) {
    this.about = about;
  }

  /** Stores one event of an aggregate at the next position; answers that position. */
  public long store(DomainEventMessage<?> event, Instant at) {
    long p = ++position;
    GenericDomainEventMessage<?> timed =
        new GenericDomainEventMessage<>(
            event.getType(),
            event.getAggregateIdentifier(),
            event.getSequenceNumber(),
            event.getPayload(),
            MetaData.emptyInstance(),
            event.getIdentifier(),
            at);
    byPosition.put(
        p,
        new GenericTrackedDomainEventMessage<>(
            GapAwareTrackingToken.newInstance(p, Set.of()), timed));
    return p;
  }

  /** Leaves a position empty, as a given-up position is. */
  public void gap() {
    position++;
  }

  @Override
  public List<TrackedEventMessage<?>> ofAggregate(String aggregateId) {
    return byPosition.values().stream()
        .filter(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier().equals(aggregateId))
        .toList();
  }

  @Override
  public List<TrackedEventMessage<?>> atPositions(Collection<Long> positions) {
    Set<Long> wanted = new HashSet<>(positions);
    List<TrackedEventMessage<?>> found = new ArrayList<>();
    byPosition.forEach(
        (p, e) -> {
          if (wanted.contains(p)) {
            found.add(e);
          }
        });
    return found;
  }

  @Override
  public List<Long> positionsAbout(String aggregateId) {
    List<Long> found = new ArrayList<>();
    byPosition.forEach(
        (p, e) -> {
          if (aggregateId.equals(about.apply(e.getPayload()))) {
            found.add(p);
          }
        });
    return found;
  }
}
