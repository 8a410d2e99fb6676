package de.rathaus.application.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.servicerequest.ApplicantContact;
import de.rathaus.domain.servicerequest.AssignCase;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.RequestInformation;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.ServiceRequest;
import de.rathaus.domain.servicerequest.SubmitServiceRequest;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch against real cases: flags what is due, leaves the rest, and flags only once. */
class DeadlineWatchTest {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  private static final DepartmentCode BUERGERAMT = new DepartmentCode("buergeramt");

  private final InMemoryCaseViews views = new InMemoryCaseViews();
  private final Configuration axon =
      DefaultConfigurer.defaultConfiguration()
          .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
          .configureAggregate(ServiceRequest.class)
          .eventProcessing(p -> p.usingSubscribingEventProcessors())
          .registerEventHandler(c -> new CaseProjection(views))
          .buildConfiguration();
  private final CommandGateway commands = startedGateway();
  private final DeadlineWatch watch = new DeadlineWatch(views, commands);
  private int next = 1;

  private CommandGateway startedGateway() {
    axon.start();
    return axon.commandGateway();
  }

  @AfterEach
  void stop() {
    axon.shutdown();
  }

  private String submit(int processingDays) {
    String id = "r-" + next;
    commands.sendAndWait(
        new SubmitServiceRequest(
            new ServiceRequestId(id),
            CaseNumber.of("HN", 2026, next++),
            new CitizenId("anna"),
            new ServiceCode("meldebescheinigung"),
            1,
            BUERGERAMT,
            RequestKind.REQUEST,
            Map.of(),
            null,
            null,
            new ApplicantContact("Anna Beispiel", null, null, null),
            processingDays,
            T));
    return id;
  }

  @Test
  void flagsCasesPastTheirDueDateAndNothingElse() {
    String due = submit(3);
    String notYet = submit(30);

    DeadlineWatch.Run run = watch.flagOverdue(T.plus(Duration.ofDays(4)));

    assertThat(run.flagged()).containsExactly(new ServiceRequestId(due));
    assertThat(run.failed()).isEmpty();
    assertThat(overdue(due)).isTrue();
    assertThat(overdue(notYet)).isFalse();
  }

  @Test
  void flagsAPendingObjectionPastItsOwnDeadlineAfterTheCaseWasOverdueBefore() {
    String late = submit(3);
    ServiceRequestId id = new ServiceRequestId(late);
    watch.flagOverdue(T.plus(Duration.ofDays(4)));
    commands.sendAndWait(
        new AssignCase(
            id, new ClerkId("clara"), BUERGERAMT, BUERGERAMT, T.plus(Duration.ofDays(5))));
    commands.sendAndWait(
        new de.rathaus.domain.servicerequest.DecideCase(
            id,
            new de.rathaus.domain.servicerequest.Decision(
                de.rathaus.domain.servicerequest.DecisionOutcome.REJECTED, "Nein", "§ 18 BMG"),
            BUERGERAMT,
            T.plus(Duration.ofDays(6))));
    commands.sendAndWait(
        new de.rathaus.domain.servicerequest.FileObjection(
            id,
            new CitizenId("anna"),
            "Doch",
            List.of(),
            java.time.Period.ofMonths(1),
            java.time.Period.ofDays(10),
            T.plus(Duration.ofDays(7))));
    assertThat(overdue(late)).as("a new deadline, not overdue by it yet").isFalse();

    assertThat(watch.flagOverdue(T.plus(Duration.ofDays(16))).flagged()).isEmpty();
    assertThat(watch.flagOverdue(T.plus(Duration.ofDays(18))).flagged()).containsExactly(id);
    assertThat(overdue(late)).isTrue();
  }

  @Test
  void aSecondRunFlagsNothingMore() {
    submit(3);
    watch.flagOverdue(T.plus(Duration.ofDays(4)));

    assertThat(watch.flagOverdue(T.plus(Duration.ofDays(5))).flagged()).isEmpty();
  }

  @Test
  void leavesCasesWaitingForTheApplicant() {
    String waiting = submit(3);
    commands.sendAndWait(
        new AssignCase(
            new ServiceRequestId(waiting),
            new ClerkId("clara"),
            BUERGERAMT,
            BUERGERAMT,
            T.plusSeconds(60)));
    commands.sendAndWait(
        new RequestInformation(
            new ServiceRequestId(waiting),
            new InformationRequestId("q1"),
            "Welche Anschrift?",
            T.plus(Duration.ofDays(20)),
            BUERGERAMT,
            T.plus(Duration.ofDays(1))));

    assertThat(watch.flagOverdue(T.plus(Duration.ofDays(10))).flagged()).isEmpty();
    assertThat(overdue(waiting)).isFalse();
  }

  @Test
  void flagsAnAnswerPastItsDateOnceAndLeavesTheCaseClockPaused() {
    String waiting = submit(3);
    commands.sendAndWait(
        new AssignCase(
            new ServiceRequestId(waiting),
            new ClerkId("clara"),
            BUERGERAMT,
            BUERGERAMT,
            T.plusSeconds(60)));
    commands.sendAndWait(
        new RequestInformation(
            new ServiceRequestId(waiting),
            new InformationRequestId("q1"),
            "Welche Anschrift?",
            T.plus(Duration.ofDays(2)),
            BUERGERAMT,
            T.plus(Duration.ofDays(1))));

    assertThat(watch.flagOverdue(T.plus(Duration.ofDays(2))).flagged()).isEmpty();
    assertThat(watch.flagOverdue(T.plus(Duration.ofDays(10))).flagged())
        .containsExactly(new ServiceRequestId(waiting));
    assertThat(watch.flagOverdue(T.plus(Duration.ofDays(11))).flagged()).isEmpty();
    CaseView view = views.find(waiting).orElseThrow();
    assertThat(view.request().informationRequests().get(0).overdue()).isTrue();
    assertThat(view.request().overdue()).isFalse();
  }

  @Test
  void aViewBehindTheCaseDoesNotStopTheRun() {
    String first = submit(3);
    String second = submit(3);
    // the read model still shows the first case as not flagged: the case refuses, the run goes on
    watch.flagOverdue(T.plus(Duration.ofDays(4)));
    CaseView flagged = views.find(first).orElseThrow();
    views.replace(flagged.progressed(DeadlineWatchTest::unflagged), flagged.sequence());

    DeadlineWatch.Run run = watch.flagOverdue(T.plus(Duration.ofDays(5)));
    assertThat(run.flagged()).isEmpty();
    assertThat(run.failed()).isEmpty();
    assertThat(overdue(second)).isTrue();
  }

  @Test
  void aCaseThatFailsDoesNotStopTheRun() {
    String real = submit(3);
    // a view without a case behind it: flagging it fails, the next case is flagged all the same
    CaseView view = views.find(real).orElseThrow();
    CaseView ghost =
        new CaseView(
            new ServiceRequestId("ghost"),
            view.applicant(),
            view.request(),
            null,
            view.contact(),
            List.of(),
            0);
    views.insert(ghost);

    DeadlineWatch.Run run = watch.flagOverdue(T.plus(Duration.ofDays(4)));
    assertThat(run.flagged()).containsExactly(new ServiceRequestId(real));
    assertThat(run.failed())
        .as("the case that failed, by id, and why by type")
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.id()).isEqualTo(new ServiceRequestId("ghost"));
              assertThat(failure.cause()).isNotNull();
            });
    assertThat(overdue(real)).isTrue();
  }

  private boolean overdue(String id) {
    return views.find(id).orElseThrow().request().overdue();
  }

  /** The applicant's view as it was before the flag (a read model behind the case). */
  private static RequestView unflagged(RequestView v) {
    return new RequestView(
        v.id(),
        v.caseNumber(),
        v.applicant(),
        v.serviceCode(),
        v.serviceVersion(),
        v.kind(),
        v.department(),
        v.status(),
        v.submittedAt(),
        v.dueDate(),
        false,
        v.attributes(),
        v.description(),
        v.location(),
        v.privateLocation(),
        v.timeline(),
        v.informationRequests(),
        v.decision(),
        v.withdrawalReason(),
        v.sequence(),
        v.attachments(),
        v.objection());
  }
}
