package de.rathaus.api.transparency;

import de.rathaus.application.transparency.HistoryLog;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * The place in the tamper-evident log of what a command recorded: its event's position and leaf
 * hash, which answers to citizens carry so that they can later ask for the proof. A lookup that
 * fails leaves the stamp out rather than failing an answer whose command is done.
 */
@Component
public class LogStamps {

  /**
   * Where an event is in the log.
   *
   * @param position its position in the history (its leaf is position − 1)
   * @param leafHash its leaf hash, base64
   */
  public record Stamp(long position, String leafHash) {}

  private final HistoryLog history;

  public LogStamps(HistoryLog history) {
    this.history = history;
  }

  /** The stamp of the last of {@code events} (the command's own), if it produced any. */
  public Optional<Stamp> ofLast(List<DomainEventMessage<?>> events) {
    if (events.isEmpty()) {
      return Optional.empty();
    }
    try {
      return history
          .leafOfEvent(events.get(events.size() - 1).getIdentifier())
          .map(LogStamps::stamp);
    } catch (RuntimeException lookupFailed) {
      return Optional.empty();
    }
  }

  /** The stamp of an aggregate's event at a sequence number. */
  public Optional<Stamp> of(String aggregateId, long sequence) {
    try {
      return history.leafOf(aggregateId, sequence).map(LogStamps::stamp);
    } catch (RuntimeException lookupFailed) {
      return Optional.empty();
    }
  }

  private static Stamp stamp(HistoryLog.Leaf leaf) {
    return new Stamp(leaf.position(), Base64.getEncoder().encodeToString(leaf.leafHash()));
  }
}
