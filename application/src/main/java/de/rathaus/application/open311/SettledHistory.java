package de.rathaus.application.open311;

import java.util.List;

/**
 * The stored history read in global position order, only as far as it is settled: up to the
 * gap-free horizon, below which every position holds an event whose commit is decided or is given
 * up for good. So nothing read from it can later be joined by an event at a lower position: a
 * reader that goes on after the last position it read misses nothing. Infra reads it from the event
 * store by position, never from a read model.
 */
public interface SettledHistory {

  /**
   * Where an event of the history is: its global position, and its aggregate and sequence number.
   */
  record Reference(long position, String aggregateId, long sequence) {}

  /**
   * What one read found.
   *
   * @param events the events of the aggregate type asked for, in position order
   * @param readTo the last position read (and settled); the next read goes on after it. Equal to
   *     the position read after when nothing after it is settled yet
   */
  record Slice(List<Reference> events, long readTo) {
    public Slice {
      events = List.copyOf(events);
    }
  }

  /**
   * Reads the settled positions after {@code after}.
   *
   * @param aggregateType only events of aggregates of this type (e.g. {@code ServiceRequest})
   * @param maxEvents stop once this many such events are found ({@code readTo} is then the last
   *     one)
   * @param maxPositions read at most this many positions
   */
  Slice after(long after, String aggregateType, int maxEvents, int maxPositions);
}
