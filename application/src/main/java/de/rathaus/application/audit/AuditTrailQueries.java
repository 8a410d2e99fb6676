package de.rathaus.application.audit;

import org.axonframework.queryhandling.QueryHandler;

/** Answers the auditors' queries from the {@link AuditTrail}. */
public class AuditTrailQueries {

  private final AuditTrail trail;

  public AuditTrailQueries(AuditTrail trail) {
    this.trail = trail;
  }

  @QueryHandler
  public AuditEventPage handle(ListAuditEvents query) {
    return trail.list(query);
  }

  @QueryHandler
  public AggregateHistory handle(FindAggregateHistory query) {
    return new AggregateHistory(trail.history(query.aggregateId(), query.disclosure()));
  }
}
