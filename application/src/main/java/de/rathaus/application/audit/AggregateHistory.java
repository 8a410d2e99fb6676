package de.rathaus.application.audit;

import java.util.List;

/**
 * Every event of one aggregate, in its order; empty if there is no such aggregate.
 *
 * @param items the events, by sequence number
 */
public record AggregateHistory(List<AuditEvent> items) {

  public AggregateHistory {
    items = List.copyOf(items);
  }
}
