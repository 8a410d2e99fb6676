package de.rathaus.domain.servicerequest;

/**
 * Whether the citizen applies for something ({@link #REQUEST}, an Antrag) or reports an issue in
 * public space ({@link #REPORT}, a Mängelmeldung, as in Open311), which needs a location. Taken
 * from the service definition the request was submitted against.
 */
public enum RequestKind {
  REQUEST,
  REPORT
}
