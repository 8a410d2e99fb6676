package de.rathaus.application.audit;

import java.util.Objects;

/**
 * Asks for every event of one aggregate (a case, a proposal, a consultation, a service definition,
 * an erasure record, ...).
 *
 * @param aggregateId the aggregate's id
 * @param disclosure how personal values are shown
 */
public record FindAggregateHistory(String aggregateId, Disclosure disclosure) {

  public FindAggregateHistory {
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(disclosure, "disclosure");
  }
}
