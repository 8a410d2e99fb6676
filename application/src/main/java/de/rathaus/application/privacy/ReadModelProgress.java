package de.rathaus.application.privacy;

/**
 * How far a read model is behind the event store, as the retention watch must know it before it
 * erases anything: a request stored but not yet applied to the requests' read model is invisible
 * there, and its citizen would look like one whose cases have all ended.
 */
@FunctionalInterface
public interface ReadModelProgress {

  /**
   * Whether every event the store held when asked has been applied to the read model on this
   * instance (and the read model is not being rebuilt). What the read model shows after a {@code
   * true} includes everything stored before the question.
   */
  boolean hasAppliedEverythingStored();
}
