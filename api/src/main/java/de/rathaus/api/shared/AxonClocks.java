package de.rathaus.api.shared;

import java.time.Clock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.eventsourcing.AggregateLoadTimeSnapshotTriggerDefinition;
import org.axonframework.messaging.deadletter.GenericDeadLetter;

/**
 * Axon reads the time from static clocks of its own: the timestamps of events and deadline messages
 * ({@link GenericEventMessage#clock}, which the pooled processors also take as their default), dead
 * letters, token entries and the load-time snapshot trigger. They are set to the engine's clock
 * while the engine runs, and put back when it stops, so that an offset moves every time the engine
 * records.
 */
public final class AxonClocks implements AutoCloseable {

  private final Clock events;
  private final Clock deadLetters;
  private final Clock tokens;
  private final Clock snapshots;

  private AxonClocks() {
    this.events = GenericEventMessage.clock;
    this.deadLetters = GenericDeadLetter.clock;
    this.tokens = AbstractTokenEntry.clock;
    this.snapshots = AggregateLoadTimeSnapshotTriggerDefinition.clock;
  }

  /** Sets Axon's clocks to {@code clock}; closing puts the earlier ones back. */
  public static AxonClocks set(Clock clock) {
    AxonClocks earlier = new AxonClocks();
    apply(clock, clock, clock, clock);
    return earlier;
  }

  /**
   * The clock that stamps events, read anew at every call (it is set at start): the time an event's
   * age is measured against.
   */
  public static Clock messages() {
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return GenericEventMessage.clock.getZone();
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return GenericEventMessage.clock.withZone(zone);
      }

      @Override
      public java.time.Instant instant() {
        return GenericEventMessage.clock.instant();
      }
    };
  }

  private static void apply(Clock events, Clock deadLetters, Clock tokens, Clock snapshots) {
    GenericEventMessage.clock = events;
    GenericDeadLetter.clock = deadLetters;
    AbstractTokenEntry.clock = tokens;
    AggregateLoadTimeSnapshotTriggerDefinition.clock = snapshots;
  }

  @Override
  public void close() {
    apply(events, deadLetters, tokens, snapshots);
  }
}
