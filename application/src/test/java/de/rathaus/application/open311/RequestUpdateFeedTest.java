package de.rathaus.application.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.application.audit.RecordedHistory;
import de.rathaus.domain.catalogue.DepartmentContact;
import de.rathaus.domain.catalogue.DepartmentCreated;
import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseClosed;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.InternalNoteAdded;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.servicerequest.ServiceRequestWithdrawn;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/**
 * The updates feed over a history in memory: only events that changed a request's public status, in
 * position order, each with its position; pages that go on after their last update and together
 * miss nothing; nothing beyond the gap-free horizon; a replay from an earlier position gives the
 * same updates again.
 */
class RequestUpdateFeedTest {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  private static final CitizenId ANNA = new CitizenId("anna");
  private static final DepartmentCode BUERGERAMT = new DepartmentCode("buergeramt");
  private static final ClerkId CLARA = new ClerkId("clara");

  private final History history = new History();
  private final RequestUpdateFeed feed = new RequestUpdateFeed(history, history);

  @Test
  void showsEveryChangeOfThePublicStatusAndNothingElse() {
    ServiceRequestId a = new ServiceRequestId("a");
    long submitted = history.store(a, submitted(a, 1));
    long assigned = history.store(a, new CaseAssigned(a, CLARA, T.plusSeconds(60)));
    history.store(a, new CaseAssigned(a, new ClerkId("carl"), T.plusSeconds(70))); // no change
    history.store(a, new InternalNoteAdded(a, ANNA, CLARA, "Rückruf", T.plusSeconds(80)));
    InformationRequestId q = new InformationRequestId("q-1");
    long asked =
        history.store(
            a,
            new InformationRequested(a, ANNA, q, "Zweck?", T.plusSeconds(9000), T.plusSeconds(90)));
    long answered =
        history.store(
            a,
            new InformationRequestAnswered(
                a, q, ANNA, "Arbeit", T.plusSeconds(9999), T.plusSeconds(100)));
    long decided =
        history.store(
            a,
            new CaseDecided(
                a,
                ANNA,
                new Decision(DecisionOutcome.APPROVED, "geheim", "§ 18 BMG"),
                T.plusSeconds(110)));
    long closed = history.store(a, new CaseClosed(a, T.plusSeconds(120)));

    List<RequestUpdate> updates = feed.after(0, 100).updates();

    assertThat(updates)
        .extracting(RequestUpdate::updateId, RequestUpdate::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(submitted, RequestStatus.SUBMITTED),
            org.assertj.core.groups.Tuple.tuple(assigned, RequestStatus.IN_PROGRESS),
            org.assertj.core.groups.Tuple.tuple(asked, RequestStatus.WAITING_FOR_APPLICANT),
            org.assertj.core.groups.Tuple.tuple(answered, RequestStatus.IN_PROGRESS),
            org.assertj.core.groups.Tuple.tuple(decided, RequestStatus.DECIDED),
            org.assertj.core.groups.Tuple.tuple(closed, RequestStatus.CLOSED));
    assertThat(updates).allMatch(u -> u.caseNumber().equals(CaseNumber.of("HN", 2026, 1)));
    assertThat(updates.get(1).at()).isEqualTo(history.timestampAt(assigned));
  }

  @Test
  void skipsTheHistoriesOfOtherKinds() {
    history.storeOther(
        "department:steueramt",
        new DepartmentCreated(
            new DepartmentCode("steueramt"),
            new LocalizedText("Steueramt", "Tax Office"),
            DepartmentContact.none()));
    ServiceRequestId a = new ServiceRequestId("a");
    long submitted = history.store(a, submitted(a, 1));

    assertThat(feed.after(0, 10).updates())
        .extracting(RequestUpdate::updateId)
        .containsExactly(submitted);
  }

  @Test
  void pagesGoOnAfterTheirLastUpdateAndTogetherMissNothing() {
    List<Long> all = interleavedRequests(7);

    List<Long> paged = new ArrayList<>();
    long after = 0;
    for (int page = 0; page < 20; page++) {
      RequestUpdateFeed.UpdatePage next = feed.after(after, 3);
      if (next.updates().isEmpty()) {
        break;
      }
      assertThat(next.updates()).hasSizeLessThanOrEqualTo(3);
      next.updates().forEach(u -> paged.add(u.updateId()));
      after = next.updates().get(next.updates().size() - 1).updateId();
    }

    assertThat(paged).isEqualTo(all).isSorted();
  }

  @Test
  void aReplayFromAnEarlierPositionShowsTheSameUpdatesAgain() {
    List<Long> all = interleavedRequests(5);
    long from = all.get(3);

    List<Long> replayed =
        feed.after(from, 100).updates().stream().map(RequestUpdate::updateId).toList();

    assertThat(replayed).isEqualTo(all.subList(4, all.size()));
    assertThat(feed.after(from, 100).updates().stream().map(RequestUpdate::updateId).toList())
        .isEqualTo(replayed);
  }

  @Test
  void showsNothingBeyondAPositionThatIsNotSettledYet() {
    ServiceRequestId a = new ServiceRequestId("a");
    ServiceRequestId b = new ServiceRequestId("b");
    long first = history.store(a, submitted(a, 1));
    long slow = history.reserve(); // a commit under way
    long later = history.store(b, submitted(b, 2));

    RequestUpdateFeed.UpdatePage before = feed.after(0, 100);
    assertThat(before.updates()).extracting(RequestUpdate::updateId).containsExactly(first);
    assertThat(before.readTo()).isEqualTo(first);

    history.land(slow, a, new ServiceRequestWithdrawn(a, ANNA, "erledigt", T.plusSeconds(5)));
    assertThat(feed.after(first, 100).updates())
        .extracting(RequestUpdate::updateId, RequestUpdate::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(slow, RequestStatus.WITHDRAWN),
            org.assertj.core.groups.Tuple.tuple(later, RequestStatus.SUBMITTED));
  }

  @Test
  void aPositionGivenUpIsNoUpdateAndHoldsNothingBack() {
    ServiceRequestId a = new ServiceRequestId("a");
    long first = history.store(a, submitted(a, 1));
    history.giveUp(history.reserve());
    long after = history.store(a, new ServiceRequestWithdrawn(a, ANNA, "x", T.plusSeconds(5)));

    assertThat(feed.after(0, 100).updates())
        .extracting(RequestUpdate::updateId)
        .containsExactly(first, after);
  }

  @Test
  void aPageAfterALongStretchOfOtherEventsEndsAtItsBoundAndSaysHowFarItRead() {
    for (int i = 0; i < RequestUpdateFeed.MAX_POSITIONS + 10; i++) {
      history.storeOther(
          "department:d" + i,
          new DepartmentCreated(
              new DepartmentCode("d" + i),
              new LocalizedText("Amt", null),
              DepartmentContact.none()));
    }
    ServiceRequestId a = new ServiceRequestId("a");
    long submitted = history.store(a, submitted(a, 1));

    RequestUpdateFeed.UpdatePage first = feed.after(0, 10);
    assertThat(first.updates()).isEmpty();
    assertThat(first.readTo()).isEqualTo(RequestUpdateFeed.MAX_POSITIONS);

    RequestUpdateFeed.UpdatePage next = feed.after(first.readTo(), 10);
    assertThat(next.updates()).extracting(RequestUpdate::updateId).containsExactly(submitted);
    assertThat(next.readTo()).isEqualTo(submitted);
  }

  @Test
  void refusesANegativePositionAndALimitOutOfRange() {
    assertThatThrownBy(() -> feed.after(-1, 10))
        .isInstanceOf(RequestUpdateFeed.InvalidFeedRequest.class);
    assertThatThrownBy(() -> feed.after(0, 0))
        .isInstanceOf(RequestUpdateFeed.InvalidFeedRequest.class);
    assertThatThrownBy(() -> feed.after(0, RequestUpdateFeed.MAX_LIMIT + 1))
        .isInstanceOf(RequestUpdateFeed.InvalidFeedRequest.class);
    assertThat(feed.after(0, RequestUpdateFeed.MAX_LIMIT).updates()).isEmpty();
  }

  /** Several requests, each submitted, assigned and decided, their events interleaved. */
  private List<Long> interleavedRequests(int count) {
    List<Long> updates = new ArrayList<>();
    List<ServiceRequestId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ServiceRequestId id = new ServiceRequestId("r" + i);
      ids.add(id);
      updates.add(history.store(id, submitted(id, i + 1)));
      history.store(id, new InternalNoteAdded(id, ANNA, CLARA, "Notiz", T.plusSeconds(i)));
    }
    for (ServiceRequestId id : ids) {
      updates.add(history.store(id, new CaseAssigned(id, CLARA, T.plusSeconds(100))));
    }
    for (ServiceRequestId id : ids) {
      updates.add(
          history.store(
              id,
              new CaseDecided(
                  id,
                  ANNA,
                  new Decision(DecisionOutcome.REJECTED, "Gründe", "§ 1"),
                  T.plusSeconds(200))));
    }
    return updates;
  }

  private static ServiceRequestSubmitted submitted(ServiceRequestId id, int number) {
    return new ServiceRequestSubmitted(
        id,
        CaseNumber.of("HN", 2026, number),
        ANNA,
        new ServiceCode("meldebescheinigung"),
        1,
        BUERGERAMT,
        RequestKind.REQUEST,
        Map.of("copies", 1),
        "Bitte per Post",
        null,
        null,
        "Anna Beispiel",
        "anna@example.org",
        null,
        null,
        3,
        T,
        T.plus(Duration.ofDays(3)));
  }

  /**
   * A stored history in memory with positions from 1: an event, a position reserved by a commit
   * under way (open: it holds the horizon back), or a position given up (settled, holds nothing).
   */
  static final class History implements RecordedHistory, SettledHistory {

    private final TreeMap<Long, TrackedEventMessage<?>> events = new TreeMap<>();
    private final TreeMap<Long, Boolean> open = new TreeMap<>();
    private final Map<String, Long> sequences = new java.util.HashMap<>();
    private long head;

    long store(ServiceRequestId id, Object payload) {
      return land(reserve(), id, payload);
    }

    long storeOther(String aggregateId, Object payload) {
      long position = reserve();
      put(position, "Department", aggregateId, payload);
      return position;
    }

    long reserve() {
      head++;
      open.put(head, true);
      return head;
    }

    long land(long position, ServiceRequestId id, Object payload) {
      put(position, "ServiceRequest", id.value(), payload);
      return position;
    }

    void giveUp(long position) {
      open.remove(position);
    }

    Instant timestampAt(long position) {
      return events.get(position).getTimestamp();
    }

    private void put(long position, String type, String aggregateId, Object payload) {
      long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
      GenericDomainEventMessage<?> event =
          new GenericDomainEventMessage<>(
              type,
              aggregateId,
              sequence,
              payload,
              MetaData.emptyInstance(),
              java.util.UUID.randomUUID().toString(),
              T.plusSeconds(position));
      events.put(
          position,
          new GenericTrackedDomainEventMessage<>(
              GapAwareTrackingToken.newInstance(position, Set.of()), event));
      open.remove(position);
    }

    @Override
    public Slice after(long after, String aggregateType, int maxEvents, int maxPositions) {
      List<Reference> found = new ArrayList<>();
      long position = after;
      while (position < head && position - after < maxPositions) {
        long next = position + 1;
        if (open.containsKey(next)) {
          break;
        }
        position = next;
        TrackedEventMessage<?> event = events.get(next);
        if (event != null) {
          DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
          if (domain.getType().equals(aggregateType)) {
            found.add(
                new Reference(next, domain.getAggregateIdentifier(), domain.getSequenceNumber()));
            if (found.size() == maxEvents) {
              break;
            }
          }
        }
      }
      return new Slice(found, position);
    }

    @Override
    public List<TrackedEventMessage<?>> ofAggregate(String aggregateId) {
      return events.values().stream()
          .filter(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier().equals(aggregateId))
          .sorted(
              java.util.Comparator.comparingLong(
                  e -> ((DomainEventMessage<?>) e).getSequenceNumber()))
          .toList();
    }

    @Override
    public List<TrackedEventMessage<?>> atPositions(Collection<Long> positions) {
      return positions.stream().map(events::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<Long> positionsAbout(String aggregateId) {
      return List.of();
    }
  }
}
