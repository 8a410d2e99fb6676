package de.rathaus.application.open311;

import de.rathaus.application.audit.RecordedHistory;
import de.rathaus.application.servicerequest.InMemoryRequestViews;
import de.rathaus.application.servicerequest.RequestProjection;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.domain.servicerequest.RequestStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * The feed of request updates (Open311's {@code servicerequestupdates}, beyond the standard): every
 * event that changed a request's public status, in global position order, each named by its
 * position, so that a client can go on after the last one it has, or start again from any position,
 * and misses none.
 *
 * <p>It reads the stored history, never a read model: the request events after a position come from
 * the {@link SettledHistory} (only as far as the history is gap-free, so no event can later appear
 * below one already shown), and whether an event changed the public status is decided by replaying
 * its request's history through the very projection that keeps the applicant's view ({@link
 * RequestProjection}), in memory: the status after each event is the one the applicant saw.
 */
public class RequestUpdateFeed {

  /** The aggregate type of the requests' histories. */
  static final String REQUESTS = "ServiceRequest";

  /** Updates a page has unless a client asks for fewer or more. */
  public static final int DEFAULT_LIMIT = 100;

  /** The most updates a page has. */
  public static final int MAX_LIMIT = 500;

  /**
   * The most positions one page reads: a page after a long stretch of other events (participation,
   * catalogue) ends there, possibly empty, and says how far it read.
   */
  public static final int MAX_POSITIONS = 50_000;

  private static final int POSITIONS_PER_READ = 2_000;

  private final SettledHistory settled;
  private final RecordedHistory history;

  public RequestUpdateFeed(SettledHistory settled, RecordedHistory history) {
    this.settled = settled;
    this.history = history;
  }

  /**
   * A page of updates.
   *
   * @param updates the updates after the position asked for, in position order
   * @param readTo the last position read: the page's last update, or (if the page is not full) the
   *     last position the history was settled up to, within {@link #MAX_POSITIONS}
   */
  public record UpdatePage(List<RequestUpdate> updates, long readTo) {
    public UpdatePage {
      updates = List.copyOf(updates);
    }
  }

  /** A position below 0 or a limit outside 1 to {@link #MAX_LIMIT}. */
  public static final class InvalidFeedRequest extends RuntimeException {
    public InvalidFeedRequest(String message) {
      super(message, null, false, false);
    }
  }

  /** The updates after position {@code after} (0: from the beginning), at most {@code limit}. */
  public UpdatePage after(long after, int limit) {
    if (after < 0) {
      throw new InvalidFeedRequest("after is a position: 0 or more");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidFeedRequest("limit is 1 to " + MAX_LIMIT);
    }
    List<RequestUpdate> updates = new ArrayList<>();
    Map<String, Map<Long, RequestUpdate>> changesByRequest = new HashMap<>();
    long position = after;
    while (updates.size() < limit && position - after < MAX_POSITIONS) {
      int positions = (int) Math.min(POSITIONS_PER_READ, MAX_POSITIONS - (position - after));
      int wanted = limit - updates.size();
      SettledHistory.Slice slice = settled.after(position, REQUESTS, wanted, positions);
      for (SettledHistory.Reference event : slice.events()) {
        RequestUpdate change =
            changesByRequest
                .computeIfAbsent(event.aggregateId(), this::statusChanges)
                .get(event.sequence());
        if (change != null && change.updateId() == event.position()) {
          updates.add(change);
        }
      }
      long read = slice.readTo() - position;
      boolean full = slice.events().size() == wanted;
      position = slice.readTo();
      if (read == 0 || !full && read < positions) {
        break; // the horizon: nothing more is settled (yet)
      }
    }
    return new UpdatePage(updates, position);
  }

  /**
   * The request's events that changed its public status, by sequence number: its history replayed
   * through the applicant's projection, the status noted after each event.
   */
  private Map<Long, RequestUpdate> statusChanges(String aggregateId) {
    InMemoryRequestViews views = new InMemoryRequestViews();
    AnnotationEventHandlerAdapter projection =
        new AnnotationEventHandlerAdapter(new RequestProjection(views));
    Map<Long, RequestUpdate> changes = new HashMap<>();
    RequestStatus before = null;
    for (TrackedEventMessage<?> event : history.ofAggregate(aggregateId)) {
      if (!projection.canHandle(event)) {
        continue;
      }
      try {
        projection.handle(event);
      } catch (Exception e) {
        throw new IllegalStateException("The history of a request could not be replayed", e);
      }
      Optional<RequestView> view = views.find(aggregateId);
      if (view.isEmpty() || view.get().status() == before) {
        continue;
      }
      before = view.get().status();
      long sequence = ((DomainEventMessage<?>) event).getSequenceNumber();
      changes.put(
          sequence,
          new RequestUpdate(
              event.trackingToken().position().orElseThrow(),
              view.get().caseNumber(),
              before,
              event.getTimestamp()));
    }
    return changes;
  }
}
