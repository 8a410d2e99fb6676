package de.rathaus.domain.servicerequest;

/** What the office decided on a request: granted, refused, or (for a report) dealt with. */
public enum DecisionOutcome {
  /** The application is granted (stattgegeben). */
  APPROVED,
  /** The application is refused (abgelehnt). */
  REJECTED,
  /** The reported issue has been dealt with (erledigt), for reports rather than applications. */
  RESOLVED
}
