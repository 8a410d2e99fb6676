package de.rathaus.application.servicerequest;

import static de.rathaus.application.servicerequest.CaseHistory.*;
import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseBecameOverdue;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.InformationRequestBecameOverdue;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.RequestStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

class CaseProjectionTest {

  private final InMemoryCaseViews views = new InMemoryCaseViews();
  private final CaseProjection projection = new CaseProjection(views);

  private static ListCases queue(
      RequestStatus status, ClerkId assignee, Boolean overdue, Boolean answerOverdue) {
    return new ListCases(BUERGERAMT, status, assignee, overdue, answerOverdue, null, 50);
  }

  @Test
  void theQueueFiltersByStatusAssigneeAndOverdue() {
    CaseHistory a = CaseHistory.of("a").submitted();
    CaseHistory b = CaseHistory.of("b").submitted();
    CaseHistory c = CaseHistory.of("c").submitted(ORDNUNGSAMT, T, 3);
    a.then(new CaseAssigned(a.id(), CLARA, at(1)));
    b.then(new CaseBecameOverdue(b.id(), T, T.plus(Duration.ofDays(4))));
    deliver(projection, a.events());
    deliver(projection, b.events());
    deliver(projection, c.events());

    assertThat(projection.handle(queue(null, null, null, null)).items()).hasSize(2);
    assertThat(projection.handle(queue(RequestStatus.IN_PROGRESS, CLARA, null, null)).items())
        .extracting(v -> v.id().value())
        .containsExactly("a");
    assertThat(projection.handle(queue(null, null, true, null)).items())
        .extracting(v -> v.id().value())
        .containsExactly("b");
    assertThat(projection.handle(queue(null, null, false, null)).items())
        .extracting(v -> v.id().value())
        .containsExactly("a");
  }

  @Test
  void theQueueShowsQuestionsWhoseAnswerDatePassed() {
    CaseHistory waiting = CaseHistory.of("w").submitted();
    InformationRequestId question = new InformationRequestId("q-1");
    waiting
        .then(new CaseAssigned(waiting.id(), CLARA, at(1)))
        .then(new InformationRequested(waiting.id(), ANNA, question, "Zweck?", at(20), at(2)))
        .then(new InformationRequestBecameOverdue(waiting.id(), question, at(20), at(21)));
    CaseHistory other = CaseHistory.of("o").submitted();
    deliver(projection, waiting.events());
    deliver(projection, other.events());

    CaseQueuePage late = projection.handle(queue(null, null, null, true));

    assertThat(late.items()).extracting(v -> v.id().value()).containsExactly("w");
    assertThat(late.items().get(0).request().informationRequests().get(0).overdue()).isTrue();
    assertThat(late.items().get(0).request().overdue()).isFalse();
  }

  @Test
  void aForwardedCaseLeavesTheQueueAndItsAssignee() {
    CaseHistory a = CaseHistory.of("a").submitted();
    a.then(new CaseAssigned(a.id(), CLARA, at(1)))
        .then(new CaseForwarded(a.id(), ANNA, BUERGERAMT, ORDNUNGSAMT, "zuständig", at(2)));
    deliver(projection, a.events());

    assertThat(projection.handle(new FindCase(a.id(), BUERGERAMT))).isEmpty();
    CaseView there = projection.handle(new FindCase(a.id(), ORDNUNGSAMT)).orElseThrow();
    assertThat(there.assignee()).isNull();
    assertThat(there.request().timeline())
        .extracting(RequestView.TimelineEntry::type)
        .containsExactly(TimelineStep.SUBMITTED, TimelineStep.ASSIGNED, TimelineStep.FORWARDED);
  }

  @Test
  void theClerksSeeTheCorrectedContactAndTheTimelineSaysOnlyThatItWasCorrected() {
    CaseHistory a = CaseHistory.of("a").submitted();
    a.then(
        new de.rathaus.domain.servicerequest.ApplicantContactRectified(
            a.id(), ANNA, "Anna Neu", "neu@example.org", null, "Allee 3", at(2)));
    deliver(projection, a.events());

    CaseView view = projection.handle(new FindCase(a.id(), BUERGERAMT)).orElseThrow();
    assertThat(view.contact())
        .isEqualTo(new CaseView.Contact("Anna Neu", "neu@example.org", null, "Allee 3"));
    assertThat(view.request().timeline())
        .extracting(RequestView.TimelineEntry::type)
        .containsExactly(TimelineStep.SUBMITTED, TimelineStep.CONTACT_RECTIFIED);
    assertThat(view.request().status())
        .isEqualTo(de.rathaus.domain.servicerequest.RequestStatus.SUBMITTED);
    assertThat(view.toString()).doesNotContain("Anna Neu", "neu@example.org", "Allee 3");
  }

  @Test
  void theViewRecordsTheLastEventItApplied() {
    CaseHistory a = CaseHistory.of("a").processedToDecision();
    deliver(projection, a.events());

    CaseView view = views.find("a").orElseThrow();
    assertThat(view.sequence()).isEqualTo(a.events().size() - 1);
    assertThat(view.request().sequence()).isEqualTo(view.sequence());
    assertThat(view.notes()).extracting(CaseView.Note::text).containsExactly("Rückruf vereinbart");
    assertThat(view.request().status()).isEqualTo(RequestStatus.DECIDED);
    assertThat(view.assignee()).isEqualTo(new ClerkId("carl"));
    assertThat(view.department()).isEqualTo(ORDNUNGSAMT);
  }

  @Test
  void everyEventDeliveredTwiceChangesNothing() {
    CaseHistory a = CaseHistory.of("a").processedToDecision();
    InMemoryCaseViews once = new InMemoryCaseViews();
    deliver(new CaseProjection(once), a.events());

    List<DomainEventMessage<?>> twice = new ArrayList<>();
    for (DomainEventMessage<?> event : a.events()) {
      twice.add(event);
      twice.add(event);
    }
    twice.addAll(a.events()); // and a replay of the whole history on top
    deliver(projection, twice);

    assertThat(views.find("a")).isEqualTo(once.find("a"));
  }

  @Test
  void aWorkerThatLostItsClaimCannotWriteOverTheNewerView() {
    CaseHistory a = CaseHistory.of("a").processedToDecision();
    List<DomainEventMessage<?>> events = a.events();
    int split = 5;
    InMemoryCaseViews once = new InMemoryCaseViews();
    deliver(new CaseProjection(once), events);
    deliver(projection, events.subList(0, split));

    // the stale worker reads the view at event split-1; before it writes, the worker that took the
    // segment over applies the rest of the history
    StaleWriter stale =
        new StaleWriter(views, () -> deliver(projection, events.subList(split, events.size())));
    deliver(new CaseProjection(stale), events.subList(split, split + 1));

    assertThat(stale.refused).isTrue();
    assertThat(views.find("a")).isEqualTo(once.find("a"));
  }

  @Test
  void theQueuePagesThroughEveryCaseOnceInDueOrder() {
    for (int i = 0; i < 120; i++) {
      deliver(
          projection,
          CaseHistory.of(String.format("c-%03d", i))
              .submitted(BUERGERAMT, T.plus(Duration.ofMinutes(i * 7L % 120)), 3)
              .events());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      CaseQueuePage page =
          projection.handle(new ListCases(BUERGERAMT, null, null, null, null, cursor, 50));
      page.items().forEach(v -> seen.add(v.id().value()));
      cursor = page.next();
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(120).doesNotHaveDuplicates();
    List<CaseView> inOrder = seen.stream().map(id -> views.find(id).orElseThrow()).toList();
    assertThat(inOrder).isSortedAccordingTo(InMemoryCaseViews.QUEUE_ORDER);
  }

  /** A port whose first conditional write lets another worker run first, as after a lost claim. */
  private static final class StaleWriter extends InMemoryCaseViews {
    private final InMemoryCaseViews real;
    private final Runnable newOwner;
    private boolean refused;

    StaleWriter(InMemoryCaseViews real, Runnable newOwner) {
      this.real = real;
      this.newOwner = newOwner;
    }

    @Override
    public Optional<CaseView> find(String id) {
      return real.find(id);
    }

    @Override
    public boolean replace(CaseView view, long previousSequence) {
      newOwner.run();
      boolean written = real.replace(view, previousSequence);
      refused = !written;
      return written;
    }
  }
}
