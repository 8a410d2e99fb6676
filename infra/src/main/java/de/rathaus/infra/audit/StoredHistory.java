package de.rathaus.infra.audit;

import de.rathaus.application.audit.RecordedHistory;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * The engine's own event store read back for auditors: an aggregate's history as its loads see it,
 * events at positions as processors get them; what other histories say about an aggregate comes
 * from the audit index.
 */
public final class StoredHistory implements RecordedHistory {

  private final MongoEventStorageEngine engine;
  private final Function<String, List<Long>> about;

  /**
   * @param about the positions of the events of other histories about an aggregate
   */
  public StoredHistory(MongoEventStorageEngine engine, Function<String, List<Long>> about) {
    this.engine = engine;
    this.about = about;
  }

  @Override
  public List<TrackedEventMessage<?>> ofAggregate(String aggregateId) {
    return engine.historyOf(aggregateId);
  }

  @Override
  public List<TrackedEventMessage<?>> atPositions(Collection<Long> positions) {
    return positions.isEmpty() ? List.of() : engine.eventsAt(positions);
  }

  @Override
  public List<Long> positionsAbout(String aggregateId) {
    return about.apply(aggregateId);
  }
}
