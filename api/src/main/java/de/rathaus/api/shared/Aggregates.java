package de.rathaus.api.shared;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;

/**
 * Puts an aggregate in the engine so that it is sourced only from events of its own type. All
 * aggregates share one event store and their identifiers are chosen by different rules (a service's
 * code, a department's id, a request's derived id), so an identifier a caller sends may name the
 * stream of another kind of record; filtered by type, that stream is no record of this kind and the
 * caller gets "not found" instead of an aggregate built from foreign events.
 */
public final class Aggregates {

  private Aggregates() {}

  public static ConfigurerModule ownEventsOnly(Class<?> aggregate) {
    return configurer ->
        configurer.configureAggregate(
            AggregateConfigurer.defaultConfiguration(aggregate)
                .configureFilterEventsByType(configuration -> true));
  }

  /**
   * As {@link #ownEventsOnly}, for an aggregate whose stream grows without end (one event per
   * checkpoint, for the life of the city's log): a snapshot is taken after every {@code
   * eventsBetween} events loaded, so loading it reads the snapshot and fewer events than that,
   * however long its history.
   */
  public static ConfigurerModule ownEventsOnlyWithSnapshots(Class<?> aggregate, int eventsBetween) {
    return configurer ->
        configurer.configureAggregate(
            AggregateConfigurer.defaultConfiguration(aggregate)
                .configureFilterEventsByType(configuration -> true)
                .configureSnapshotTrigger(
                    configuration ->
                        new EventCountSnapshotTriggerDefinition(
                            configuration.snapshotter(), eventsBetween)));
  }
}
