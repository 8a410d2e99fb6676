package de.rathaus.infra.open311;

import de.rathaus.application.open311.SettledHistory;
import de.rathaus.infra.eventstore.RecordedEvent;
import de.rathaus.infra.eventstore.StoredEventReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;

/**
 * The settled history read from Rathaus' own event store by global position: windows of positions
 * fetched by {@code $in} on the unique {@code globalIndex} (a hundred at a time, as the embedded
 * server serves such lists fast), up to the first position that is still open (nothing stored yet,
 * or a commit not decided yet). An open position that holds the horizon back while later events are
 * stored is given up if its writer's lease has certainly run out, as the sealing of the history
 * does; otherwise the read stops there and goes on once the position is settled.
 */
public final class StoredSettledHistory implements SettledHistory {

  private static final int WINDOW = 100;

  private final StoredEventReader store;
  private final LongPredicate giveUpAbandoned;

  /**
   * @param giveUpAbandoned gives up an abandoned open position (the engine's {@code
   *     giveUpAbandoned}); answers whether it holds a tombstone now
   */
  public StoredSettledHistory(StoredEventReader store, LongPredicate giveUpAbandoned) {
    this.store = store;
    this.giveUpAbandoned = giveUpAbandoned;
  }

  @Override
  public Slice after(long after, String aggregateType, int maxEvents, int maxPositions) {
    List<Reference> found = new ArrayList<>();
    long head = store.head();
    long readTo = after;
    while (readTo < head && readTo - after < maxPositions) {
      long from = readTo + 1;
      int count = (int) Math.min(WINDOW, Math.min(head - readTo, maxPositions - (readTo - after)));
      StoredEventReader.Window window =
          store.window(LongStream.range(from, from + count).boxed().toList());
      long end = window.firstOpen() == null ? from + count : window.firstOpen();
      for (RecordedEvent event : window.events()) {
        if (event.position() >= end) {
          break;
        }
        if (aggregateType.equals(event.aggregateType())) {
          found.add(new Reference(event.position(), event.aggregateId(), event.sequence()));
          if (found.size() == maxEvents) {
            return new Slice(found, event.position());
          }
        }
      }
      readTo = end - 1;
      if (end < from + count && !giveUpAbandoned.test(end)) {
        break; // an open position: the horizon
      } // else the position holds a tombstone now: read on from it
    }
    return new Slice(found, readTo);
  }
}
