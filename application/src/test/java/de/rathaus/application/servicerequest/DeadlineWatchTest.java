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

  private final CaseProjectionTest.InMemoryCaseViews views =
      new CaseProjectionTest.InMemoryCaseViews();
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

    int flagged = watch.flagOverdue(T.plus(Duration.ofDays(4)));

    assertThat(flagged).isEqualTo(1);
    assertThat(views.find(due).orElseThrow().overdue()).isTrue();
    assertThat(views.find(notYet).orElseThrow().overdue()).isFalse();
  }

  @Test
  void aSecondRunFlagsNothingMore() {
    submit(3);
    watch.flagOverdue(T.plus(Duration.ofDays(4)));

    assertThat(watch.flagOverdue(T.plus(Duration.ofDays(5)))).isZero();
  }

  @Test
  void leavesCasesWaitingForTheApplicant() {
    String waiting = submit(3);
    commands.sendAndWait(
        new AssignCase(
            new ServiceRequestId(waiting), new ClerkId("clara"), BUERGERAMT, T.plusSeconds(60)));
    commands.sendAndWait(
        new RequestInformation(
            new ServiceRequestId(waiting),
            new InformationRequestId("q1"),
            "Welche Anschrift?",
            T.plus(Duration.ofDays(20)),
            BUERGERAMT,
            T.plus(Duration.ofDays(1))));

    assertThat(watch.flagOverdue(T.plus(Duration.ofDays(10)))).isZero();
    assertThat(views.find(waiting).orElseThrow().overdue()).isFalse();
  }

  @Test
  void aViewBehindTheCaseDoesNotStopTheRun() {
    String first = submit(3);
    String second = submit(3);
    // the read model still shows the first case as not flagged: the case refuses, the run goes on
    watch.flagOverdue(T.plus(Duration.ofDays(4)));
    views.save(withOverdue(views.find(first).orElseThrow(), false));

    assertThat(watch.flagOverdue(T.plus(Duration.ofDays(5)))).isZero();
    assertThat(views.find(second).orElseThrow().overdue()).isTrue();
  }

  @Test
  void aCaseThatFailsDoesNotStopTheRun() {
    String real = submit(3);
    // a view without a case behind it: flagging it fails, the next case is flagged all the same
    CaseView ghost = views.find(real).orElseThrow();
    views.save(
        new CaseView(
            "ghost",
            ghost.caseNumber(),
            ghost.serviceCode(),
            ghost.kind(),
            ghost.applicant(),
            ghost.department(),
            ghost.status(),
            ghost.assignee(),
            ghost.submittedAt(),
            ghost.dueDate().minusSeconds(60),
            false,
            null,
            null,
            null,
            null,
            ghost.attributes(),
            null,
            null,
            null,
            null,
            List.of(),
            List.of(),
            null,
            1));

    assertThat(watch.flagOverdue(T.plus(Duration.ofDays(4)))).isEqualTo(1);
    assertThat(watch.failuresOfLastRun()).isEqualTo(1);
    assertThat(views.find(real).orElseThrow().overdue()).isTrue();
  }

  private static CaseView withOverdue(CaseView v, boolean overdue) {
    return new CaseView(
        v.id(),
        v.caseNumber(),
        v.serviceCode(),
        v.kind(),
        v.applicant(),
        v.department(),
        v.status(),
        v.assignee(),
        v.submittedAt(),
        v.dueDate(),
        overdue,
        v.applicantName(),
        v.applicantEmail(),
        v.applicantPhone(),
        v.applicantAddress(),
        v.attributes(),
        v.description(),
        v.lat(),
        v.lon(),
        v.address(),
        v.notes(),
        v.informationRequests(),
        v.decision(),
        v.revision());
  }
}
