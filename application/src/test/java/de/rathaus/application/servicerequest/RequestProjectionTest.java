package de.rathaus.application.servicerequest;

import static de.rathaus.application.servicerequest.CaseHistory.*;
import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.servicerequest.AttachmentId;
import de.rathaus.domain.servicerequest.AttachmentPurpose;
import de.rathaus.domain.servicerequest.AttachmentRef;
import de.rathaus.domain.servicerequest.CaseClosed;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.DocumentAttached;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.CitizenId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

class RequestProjectionTest {

  private final InMemoryRequestViews views = new InMemoryRequestViews();
  private final RequestProjection projection = new RequestProjection(views);

  @Test
  void theApplicantFollowsTheCaseToItsDecision() {
    CaseHistory history = CaseHistory.of("r-1").processedToDecision();
    deliver(projection, history.events());

    RequestView view = projection.handle(new FindMyRequest(history.id(), ANNA)).orElseThrow();

    assertThat(view.status()).isEqualTo(RequestStatus.DECIDED);
    assertThat(view.dueDate()).isEqualTo(at(90));
    assertThat(view.department()).isEqualTo(ORDNUNGSAMT);
    assertThat(view.timeline())
        .extracting(RequestView.TimelineEntry::type)
        .containsExactly(
            TimelineStep.SUBMITTED,
            TimelineStep.ASSIGNED,
            TimelineStep.INFORMATION_REQUESTED,
            TimelineStep.INFORMATION_REQUEST_CANCELLED,
            TimelineStep.INFORMATION_REQUESTED,
            TimelineStep.INFORMATION_ANSWERED,
            TimelineStep.FORWARDED,
            TimelineStep.ASSIGNED,
            TimelineStep.DECIDED);
    assertThat(view.informationRequests())
        .extracting(RequestView.Question::state, RequestView.Question::overdue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RequestView.QuestionState.CANCELLED, true),
            org.assertj.core.groups.Tuple.tuple(RequestView.QuestionState.ANSWERED, false));
    assertThat(view.informationRequests().get(1).answer()).isEqualTo("Kaiserstraße 1");
    assertThat(view.decision().outcome()).isEqualTo(DecisionOutcome.APPROVED);
    assertThat(view.decision().legalBasis()).isEqualTo("§ 18 BMG");
    assertThat(view.privateLocation().address()).isEqualTo("Kaiserstraße 1");
    assertThat(view.location()).isNull();
  }

  @Test
  void anObjectionReopensTheRequestWithItsOwnDueDateAndIsDecided() {
    CaseHistory history = CaseHistory.of("r-1").processedToDecision();
    AttachmentId document = new AttachmentId("o-1");
    history
        .then(
            new de.rathaus.domain.servicerequest.ObjectionFiled(
                history.id(), ANNA, "Widerspruch, weil", List.of(document), at(500), at(60)))
        .then(
            new de.rathaus.domain.servicerequest.ObjectionDecided(
                history.id(),
                ANNA,
                de.rathaus.domain.servicerequest.ObjectionOutcome.OBJECTION_REJECTED,
                "Bleibt dabei",
                at(70)));
    InMemoryRequestViews pending = new InMemoryRequestViews();
    deliver(
        new RequestProjection(pending), history.events().subList(0, history.events().size() - 1));
    RequestView objected = pending.find("r-1").orElseThrow();
    assertThat(objected.status()).isEqualTo(RequestStatus.OBJECTION_PENDING);
    assertThat(objected.dueDate()).isEqualTo(at(500));
    assertThat(objected.overdue()).isFalse();
    assertThat(objected.objection().reasons()).isEqualTo("Widerspruch, weil");
    assertThat(objected.objection().attachments()).containsExactly(document);
    assertThat(objected.objection().outcome()).isNull();
    assertThat(objected.decision().outcome()).isEqualTo(DecisionOutcome.APPROVED);
    assertThat(objected.toString()).doesNotContain("Widerspruch, weil");

    deliver(projection, history.events());
    RequestView decided = views.find("r-1").orElseThrow();
    assertThat(decided.status()).isEqualTo(RequestStatus.DECIDED);
    assertThat(decided.objection().outcome())
        .isEqualTo(de.rathaus.domain.servicerequest.ObjectionOutcome.OBJECTION_REJECTED);
    assertThat(decided.objection().reasoning()).isEqualTo("Bleibt dabei");
    assertThat(decided.objection().toString()).doesNotContain("Bleibt dabei", "Widerspruch");
    assertThat(decided.timeline())
        .extracting(RequestView.TimelineEntry::type)
        .endsWith(
            TimelineStep.DECIDED, TimelineStep.OBJECTION_FILED, TimelineStep.OBJECTION_DECIDED);
  }

  @Test
  void internalNotesNeverReachTheApplicantAndLaterEventsStillApply() {
    CaseHistory history = CaseHistory.of("r-1").processedToDecision();
    history.then(new CaseClosed(history.id(), at(50)));
    deliver(projection, history.events());

    RequestView view = views.find("r-1").orElseThrow();
    assertThat(view.toString()).doesNotContain("Rückruf");
    assertThat(view.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(view.sequence()).isEqualTo(history.events().size() - 1);
  }

  @Test
  void everyEventDeliveredTwiceChangesNothing() {
    CaseHistory history = CaseHistory.of("r-1").processedToDecision();
    InMemoryRequestViews once = new InMemoryRequestViews();
    deliver(new RequestProjection(once), history.events());

    List<DomainEventMessage<?>> twice = new ArrayList<>();
    for (DomainEventMessage<?> event : history.events()) {
      twice.add(event);
      twice.add(event);
    }
    twice.addAll(history.events());
    deliver(projection, twice);

    assertThat(views.find("r-1")).isEqualTo(once.find("r-1"));
  }

  @Test
  void documentsAppearInTheApplicantsAndTheClerksViewsOnceEach() {
    CaseHistory history = CaseHistory.of("r-1").submitted();
    AttachmentRef document =
        new AttachmentRef(new AttachmentId("a-1"), "application/pdf", 1234, "ab".repeat(32));
    history.then(
        new DocumentAttached(
            history.id(),
            ANNA,
            document,
            "Nachweis.pdf",
            AttachmentPurpose.SUPPORTING_DOCUMENT,
            null,
            at(2)));
    List<DomainEventMessage<?>> twice = new ArrayList<>(history.events());
    twice.addAll(history.events());
    deliver(projection, twice);
    InMemoryCaseViews cases = new InMemoryCaseViews();
    deliver(new CaseProjection(cases), twice);

    RequestView view = views.find("r-1").orElseThrow();
    assertThat(view.attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo(document.id());
              assertThat(a.name()).isEqualTo("Nachweis.pdf");
              assertThat(a.sha256()).isEqualTo(document.sha256());
              assertThat(a.size()).isEqualTo(1234);
              assertThat(a.purpose()).isEqualTo(AttachmentPurpose.SUPPORTING_DOCUMENT);
              assertThat(a.toString()).doesNotContain("Nachweis");
            });
    assertThat(view.attachment(document.id())).isPresent();
    assertThat(cases.find("r-1").orElseThrow().request().attachments()).hasSize(1);
  }

  @Test
  void anotherApplicantDoesNotFindTheRequest() {
    CaseHistory history = CaseHistory.of("r-1").submitted();
    deliver(projection, history.events());
    CitizenId ben = new CitizenId("ben");

    assertThat(projection.handle(new FindMyRequest(history.id(), ben))).isEmpty();
    assertThat(projection.handle(new ListMyRequests(ben, null, 50)).items()).isEmpty();
    assertThat(projection.handle(new ListMyRequests(ANNA, null, 50)).items()).hasSize(1);
  }

  @Test
  void theApplicantPagesThroughEveryRequestNewestFirst() {
    for (int i = 0; i < 7; i++) {
      deliver(
          projection,
          CaseHistory.of("r-" + i).submitted(BUERGERAMT, T.plus(Duration.ofHours(i)), 3).events());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      MyRequestsPage page = projection.handle(new ListMyRequests(ANNA, cursor, 3));
      page.items().forEach(v -> seen.add(v.id().value()));
      cursor = page.next();
    } while (cursor != null);

    assertThat(seen).containsExactly("r-6", "r-5", "r-4", "r-3", "r-2", "r-1", "r-0");
  }
}
