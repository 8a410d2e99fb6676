package de.rathaus.application.audit;

import java.util.List;

/** The stored events as auditors read them. */
public interface AuditTrail {

  /**
   * A page of the trail: filtered through the audit index when an index filter is given, else by
   * position straight from the store.
   */
  AuditEventPage list(ListAuditEvents query);

  /** Every stored event of the aggregate, by sequence number; empty if it has none. */
  List<AuditEvent> history(String aggregateId, Disclosure disclosure);

  /**
   * The events stored at these global positions, in position order; positions that hold no event
   * (gaps, tombstones, parts of aborted commits) are left out. At most a few hundred per call.
   */
  List<AuditEvent> eventsAt(java.util.Collection<Long> positions, Disclosure disclosure);

  /**
   * The positions of the support and rating events about the proposal {@code proposalId} (events of
   * the aggregates {@code support-…} and {@code rating-…}) up to and including {@code
   * upToPosition}, ascending, as far as the audit index has learned them.
   */
  List<Long> positionsAbout(String proposalId, long upToPosition);
}
