package de.rathaus.application.audit;

import de.rathaus.application.catalogue.DepartmentProjection;
import de.rathaus.application.catalogue.InMemoryDepartmentViews;
import de.rathaus.application.catalogue.InMemoryServiceViews;
import de.rathaus.application.catalogue.ServiceCatalogueProjection;
import de.rathaus.application.participation.ActionFieldProjection;
import de.rathaus.application.participation.ConsultationProjection;
import de.rathaus.application.participation.InMemoryActionFieldViews;
import de.rathaus.application.participation.InMemoryConsultationViews;
import de.rathaus.application.participation.InMemoryProposalViews;
import de.rathaus.application.participation.ProposalProjection;
import de.rathaus.application.servicerequest.CaseProjection;
import de.rathaus.application.servicerequest.InMemoryCaseViews;
import de.rathaus.application.shared.InMemoryViews;
import de.rathaus.domain.privacy.PersonalDataErased;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Builds an aggregate's view as it stood at a moment: a fresh read model in memory, fed by the very
 * projection class the live read model runs, over the aggregate's events up to that moment (and,
 * for a proposal, the supports and ratings about it up to then, in their global order).
 *
 * <p>{@code atPosition = n} takes the events stored at positions up to {@code n}. {@code asOf = t}
 * takes the aggregate's events in sequence order up to the first one recorded after {@code t} (so
 * the view is always one the live read model really had, even where clocks of several instances
 * disagree), and the supports and ratings recorded at or before {@code t}.
 */
public class StatesAsOf {

  private static final String ERASURE_RECORD = "ErasureRecord";

  /** The read models a view as of a moment is built with, by aggregate type. */
  private static final Map<String, Supplier<Replay>> REPLAYS =
      Map.of(
          "ServiceRequest",
          () -> {
            InMemoryCaseViews views = new InMemoryCaseViews();
            return new Replay(new CaseProjection(views), views, false);
          },
          "Proposal",
          () -> {
            InMemoryProposalViews views = new InMemoryProposalViews();
            return new Replay(new ProposalProjection(views), views, true);
          },
          "Consultation",
          () -> {
            InMemoryConsultationViews views = new InMemoryConsultationViews();
            return new Replay(new ConsultationProjection(views), views, false);
          },
          "ServiceDefinition",
          () -> {
            InMemoryServiceViews views = new InMemoryServiceViews();
            return new Replay(new ServiceCatalogueProjection(views), views, false);
          },
          "Department",
          () -> {
            InMemoryDepartmentViews views = new InMemoryDepartmentViews();
            return new Replay(new DepartmentProjection(views), views, false);
          },
          "ActionField",
          () -> {
            InMemoryActionFieldViews views = new InMemoryActionFieldViews();
            return new Replay(new ActionFieldProjection(views), views, false);
          });

  private final RecordedHistory history;

  public StatesAsOf(RecordedHistory history) {
    this.history = history;
  }

  /**
   * The view as it stood; empty if the aggregate is unknown, the moment lies before its first
   * event, or its read model held nothing for it then (a service definition before it was
   * published, a support's or a rating's own history, which no read model shows).
   */
  @QueryHandler
  public Optional<StateAsOf> handle(FindStateAsOf query) {
    List<TrackedEventMessage<?>> own = upTo(history.ofAggregate(query.aggregateId()), query);
    if (own.isEmpty()) {
      return Optional.empty();
    }
    DomainEventMessage<?> last = (DomainEventMessage<?>) own.get(own.size() - 1);
    Optional<Object> view = view(last.getType(), query, own);
    return view.map(
        v ->
            new StateAsOf(
                query.aggregateId(),
                last.getType(),
                last.getSequenceNumber(),
                position(own.get(own.size() - 1)),
                last.getTimestamp(),
                v));
  }

  private Optional<Object> view(
      String type, FindStateAsOf query, List<TrackedEventMessage<?>> own) {
    if (ERASURE_RECORD.equals(type)) {
      return Optional.of(
          new ErasureRecordState(
              query.aggregateId(),
              own.stream()
                  .map(EventMessage::getPayload)
                  .filter(PersonalDataErased.class::isInstance)
                  .map(PersonalDataErased.class::cast)
                  .toList()));
    }
    Supplier<Replay> replays = REPLAYS.get(type);
    if (replays == null) {
      return Optional.empty();
    }
    Replay replay = replays.get();
    List<TrackedEventMessage<?>> events = new ArrayList<>(own);
    if (replay.related()) {
      events.addAll(
          related(history.atPositions(history.positionsAbout(query.aggregateId())), query));
      events.sort(Comparator.comparingLong(StatesAsOf::position));
    }
    AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(replay.projection());
    for (TrackedEventMessage<?> event : events) {
      if (handlers.canHandle(event)) {
        try {
          handlers.handle(event);
        } catch (Exception e) {
          throw new IllegalStateException(
              "the view of " + type + " could not be built at position " + position(event), e);
        }
      }
    }
    return replay.views().all(v -> true, Comparator.comparing(Object::toString)).stream()
        .findFirst()
        .map(Object.class::cast);
  }

  /** The aggregate's events up to the moment: a prefix of its history. */
  private static List<TrackedEventMessage<?>> upTo(
      List<TrackedEventMessage<?>> events, FindStateAsOf query) {
    List<TrackedEventMessage<?>> prefix = new ArrayList<>();
    for (TrackedEventMessage<?> event : events) {
      if (!within(event, query)) {
        break;
      }
      prefix.add(event);
    }
    return prefix;
  }

  /** The events of other histories recorded within the moment. */
  private static List<TrackedEventMessage<?>> related(
      List<TrackedEventMessage<?>> events, FindStateAsOf query) {
    return events.stream().filter(e -> within(e, query)).toList();
  }

  private static boolean within(TrackedEventMessage<?> event, FindStateAsOf query) {
    if (query.atPosition() != null) {
      return position(event) <= query.atPosition();
    }
    Instant at = event.getTimestamp();
    return !at.isAfter(query.asOf());
  }

  static long position(TrackedEventMessage<?> event) {
    TrackingToken token = event.trackingToken();
    return token.position().orElseThrow();
  }

  /** A fresh read model in memory and the projection that feeds it. */
  private record Replay(Object projection, InMemoryViews<?> views, boolean related) {}
}
