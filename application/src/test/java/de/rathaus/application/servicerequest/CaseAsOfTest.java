package de.rathaus.application.servicerequest;

import static de.rathaus.application.servicerequest.CaseHistory.at;
import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.application.audit.FindStateAsOf;
import de.rathaus.application.audit.RecordedEvents;
import de.rathaus.application.audit.StateAsOf;
import de.rathaus.application.audit.StatesAsOf;
import de.rathaus.domain.servicerequest.CaseAssigned;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

/** A case as it stood at a moment, built by the clerks' projection over part of its history. */
class CaseAsOfTest {

  private final RecordedEvents store = new RecordedEvents(payload -> null);
  private final StatesAsOf states = new StatesAsOf(store);

  /** Stores the case's events an hour apart (another case's events between them). */
  private List<Long> stored(CaseHistory history, CaseHistory other) {
    List<Long> positions = new ArrayList<>();
    List<DomainEventMessage<?>> events = history.events();
    for (int i = 0; i < events.size(); i++) {
      positions.add(store.store(events.get(i), at(i)));
      if (i < other.events().size()) {
        store.store(other.events().get(i), at(i).plusSeconds(60));
      }
      store.gap();
    }
    return positions;
  }

  @Test
  void atEveryEventOfALongCaseTheViewIsTheOneTheLiveReadModelHadRightAfterIt() {
    CaseHistory history = CaseHistory.of("case-long").processedToDecision();
    CaseHistory other = CaseHistory.of("case-other").processedToDecision();
    List<Long> positions = stored(history, other);
    InMemoryCaseViews live = new InMemoryCaseViews();
    CaseProjection projection = new CaseProjection(live);
    List<DomainEventMessage<?>> events = history.events();
    for (int i = 0; i < events.size(); i++) {
      CaseHistory.deliver(projection, List.of(events.get(i)));
      CaseView liveView = live.find("case-long").orElseThrow();

      StateAsOf byPosition =
          states.handle(FindStateAsOf.atPosition("case-long", positions.get(i))).orElseThrow();
      StateAsOf justBeforeTheNext =
          states.handle(FindStateAsOf.atPosition("case-long", positions.get(i) + 1)).orElseThrow();
      StateAsOf byTime =
          states.handle(FindStateAsOf.at("case-long", at(i).plusSeconds(30))).orElseThrow();

      assertThat(byPosition.view()).as("at event %d", i).isEqualTo(liveView);
      assertThat(justBeforeTheNext.view()).isEqualTo(liveView);
      assertThat(byTime.view()).isEqualTo(liveView);
      assertThat(byPosition.sequence()).isEqualTo(i);
      assertThat(byPosition.position()).isEqualTo(positions.get(i));
      assertThat(byPosition.aggregateType()).isEqualTo("ServiceRequest");
    }
  }

  @Test
  void anInstantTakesTheEventsRecordedAtItAndBefore() {
    List<Long> positions =
        stored(
            CaseHistory.of("case-a")
                .submitted()
                .then(
                    new CaseAssigned(
                        new de.rathaus.domain.shared.ServiceRequestId("case-a"),
                        CaseHistory.CLARA,
                        at(1))),
            CaseHistory.of("case-b"));

    CaseView exactlyAtTheAssignment =
        (CaseView) states.handle(FindStateAsOf.at("case-a", at(1))).orElseThrow().view();
    CaseView aMomentBefore =
        (CaseView)
            states.handle(FindStateAsOf.at("case-a", at(1).minusMillis(1))).orElseThrow().view();

    assertThat(positions).hasSize(2);
    assertThat(exactlyAtTheAssignment.assignee()).isEqualTo(CaseHistory.CLARA);
    assertThat(aMomentBefore.assignee()).isNull();
  }

  @Test
  void anInstantStopsAtTheFirstEventRecordedLaterEvenIfALaterOneCarriesAnEarlierTime() {
    CaseHistory history =
        CaseHistory.of("case-c")
            .submitted()
            .then(
                new CaseAssigned(
                    new de.rathaus.domain.shared.ServiceRequestId("case-c"),
                    CaseHistory.CLARA,
                    at(1)));
    List<DomainEventMessage<?>> events = history.events();
    store.store(events.get(0), at(5));
    // another instance's clock was behind: the assignment carries an earlier time
    store.store(events.get(1), at(4));

    Optional<StateAsOf> between = states.handle(FindStateAsOf.at("case-c", at(4).plusSeconds(1)));

    assertThat(between).isEmpty();
    assertThat(states.handle(FindStateAsOf.at("case-c", at(5))).orElseThrow().sequence())
        .isEqualTo(1);
  }

  @Test
  void beforeItsFirstEventOrForAnUnknownIdThereIsNoView() {
    List<Long> positions = stored(CaseHistory.of("case-d").submitted(), CaseHistory.of("x"));
    Instant submitted = at(0);

    assertThat(states.handle(FindStateAsOf.atPosition("case-d", positions.get(0) - 1))).isEmpty();
    assertThat(states.handle(FindStateAsOf.at("case-d", submitted.minus(Duration.ofSeconds(1)))))
        .isEmpty();
    assertThat(states.handle(FindStateAsOf.atPosition("case-unknown", 1_000))).isEmpty();
  }
}
