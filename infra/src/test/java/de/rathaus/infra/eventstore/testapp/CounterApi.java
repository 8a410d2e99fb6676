package de.rathaus.infra.eventstore.testapp;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Commands and events of the small aggregate the engine's integration tests drive. */
public final class CounterApi {
  private CounterApi() {}

  public record OpenCounter(@TargetAggregateIdentifier String id) {}

  public record Increment(@TargetAggregateIdentifier String id, int by) {}

  /** Answers the counter's total as the aggregate knows it (snapshot plus events). */
  public record ReadTotal(@TargetAggregateIdentifier String id) {}

  @Revision("1")
  public record CounterOpened(String id) {}

  @Revision("1")
  public record Incremented(String id, int by, int total) {}
}
