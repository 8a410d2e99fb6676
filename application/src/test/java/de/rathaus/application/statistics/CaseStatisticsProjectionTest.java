package de.rathaus.application.statistics;

import static de.rathaus.application.statistics.Histories.ANNA;
import static de.rathaus.application.statistics.Histories.BUERGERAMT;
import static de.rathaus.application.statistics.Histories.MELDE;
import static de.rathaus.application.statistics.Histories.ORDNUNGSAMT;
import static de.rathaus.application.statistics.Histories.deliver;
import static de.rathaus.application.statistics.Histories.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseBecameOverdue;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestCancelled;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.ServiceRequestWithdrawn;
import de.rathaus.domain.shared.ServiceRequestId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

class CaseStatisticsProjectionTest {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private final InMemoryStatisticsStores stores = new InMemoryStatisticsStores();
  private final ServiceStatisticsProjection services = new ServiceStatisticsProjection(stores);
  private final DepartmentStatisticsProjection departments =
      new DepartmentStatisticsProjection(stores);

  private static Instant days(double d) {
    return T.plus(Duration.ofMinutes((long) (d * 24 * 60)));
  }

  private static Decision approved() {
    return new Decision(DecisionOutcome.APPROVED, "ok", "§ 1");
  }

  /** A case submitted at T and decided after {@code d} days. */
  private static Histories decidedAfter(String id, double d) {
    ServiceRequestId caseId = new ServiceRequestId(id);
    return Histories.of("ServiceRequest", id)
        .then(submitted(id, MELDE, BUERGERAMT, T, 10))
        .then(new CaseAssigned(caseId, new ClerkId("clara"), days(0.1)))
        .then(new CaseDecided(caseId, ANNA, approved(), days(d)));
  }

  private MonthFigures onlyMonth(CaseStatistics figures) {
    assertThat(figures.months()).hasSize(1);
    return figures.months().get(0);
  }

  private CaseStatistics all() {
    return services.handle(new FindServiceStatistics(null, null, null));
  }

  @Test
  void everyEventDeliveredTwiceChangesNothing() {
    List<DomainEventMessage<?>> events = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // a question answered: redelivered, its waiting time must not count twice
      String id = "c" + i;
      ServiceRequestId caseId = new ServiceRequestId(id);
      InformationRequestId q = new InformationRequestId("q");
      events.addAll(
          Histories.of("ServiceRequest", id)
              .then(submitted(id, MELDE, BUERGERAMT, T, 10))
              .then(new CaseAssigned(caseId, new ClerkId("clara"), days(0.1)))
              .then(new InformationRequested(caseId, ANNA, q, "?", days(9), days(1)))
              .then(new InformationRequestAnswered(caseId, q, ANNA, "!", days(12), days(3)))
              .then(new CaseDecided(caseId, ANNA, approved(), days(5 + i)))
              .events());
    }
    deliver(services, events);
    CaseStatistics once = all();

    deliver(services, events);
    deliver(services, events.subList(3, 9));

    assertThat(all()).isEqualTo(once);
    assertThat(onlyMonth(once).decided()).isEqualTo(6);
    assertThat(onlyMonth(once).medianDays()).isEqualByComparingTo("5.0"); // 5..10 days less 2
    assertThat(stores.cases(ServiceStatisticsProjection.NAME).all()).hasSize(6);
  }

  @Test
  void aDecisionAt2330UtcOn31MarchCountsInAprilInBerlin() {
    Instant lateEvening = Instant.parse("2026-03-31T23:30:00Z"); // 01:30 on 1 April, CEST
    for (int i = 0; i < 5; i++) {
      String id = "c" + i;
      ServiceRequestId caseId = new ServiceRequestId(id);
      deliver(
          services,
          Histories.of("ServiceRequest", id)
              .then(submitted(id, MELDE, BUERGERAMT, T, 40))
              .then(new CaseAssigned(caseId, new ClerkId("clara"), days(1)))
              .then(new CaseDecided(caseId, ANNA, approved(), lateEvening))
              .events());
    }

    CaseStatistics figures = all();

    assertThat(figures.months())
        .extracting(MonthFigures::month, MonthFigures::submitted, MonthFigures::decided)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 3), 5, null),
            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 4), null, 5));
  }

  @Test
  void theTimeSpentWaitingForTheApplicantIsNotProcessingTime() {
    // ten cases, so that the 90th percentile is shown (of 5 to 9 it would be the slowest one's)
    for (int i = 0; i < 10; i++) {
      String id = "c" + i;
      ServiceRequestId caseId = new ServiceRequestId(id);
      InformationRequestId q1 = new InformationRequestId("q1");
      InformationRequestId q2 = new InformationRequestId("q2");
      Instant due = T.plus(Duration.ofDays(10));
      deliver(
          services,
          Histories.of("ServiceRequest", id)
              .then(submitted(id, MELDE, BUERGERAMT, T, 10))
              .then(new CaseAssigned(caseId, new ClerkId("clara"), days(1)))
              .then(new InformationRequested(caseId, ANNA, q1, "?", days(20), days(2)))
              .then(
                  new InformationRequestAnswered(
                      caseId, q1, ANNA, "!", due.plus(Duration.ofDays(3)), days(5)))
              .then(new InformationRequested(caseId, ANNA, q2, "?", days(20), days(6)))
              .then(
                  new InformationRequestCancelled(
                      caseId, ANNA, q2, "per Post", due.plus(Duration.ofDays(7)), days(10)))
              .then(new CaseDecided(caseId, ANNA, approved(), days(12)))
              .events());
    }

    MonthFigures march = onlyMonth(all());

    // 12 days from submission to decision, of which 3 + 4 waiting for the applicant
    assertThat(march.medianDays()).isEqualByComparingTo("5.0");
    assertThat(march.p90Days()).isEqualByComparingTo("5.0");
    // due after 10 days plus the 7 waited: decided on day 12 is in time
    assertThat(march.decidedInTimeShare()).isEqualByComparingTo("1.000");
  }

  @Test
  void countsBelowFiveAndFiguresFromFewerThanFiveCasesAreWithheld() {
    for (int i = 0; i < 4; i++) {
      deliver(services, decidedAfter("c" + i, 1 + i).events());
    }
    // every count of the month is withheld: the month's row is left out, as if there were none
    assertThat(all().months()).isEmpty();

    deliver(services, decidedAfter("c4", 20).events());
    MonthFigures five = onlyMonth(all());
    assertThat(five.submitted()).isEqualTo(5);
    assertThat(five.decided()).isEqualTo(5);
    // 1, 2, 3, 4, 20 days: nearest rank — the median is the 3rd; the 90th percentile would be the
    // 5th, the slowest case's own time, so it is withheld
    assertThat(five.medianDays()).isEqualByComparingTo("3.0");
    assertThat(five.p90Days()).isNull();
    assertThat(five.decidedInTimeShare()).isEqualByComparingTo(new BigDecimal("0.800"));

    for (int i = 5; i < 10; i++) {
      deliver(services, decidedAfter("c" + i, 5 + i).events());
    }
    MonthFigures ten = onlyMonth(all());
    // 1, 2, 3, 4, 10, 11, 12, 13, 14, 20 days: the 90th percentile is the 9th
    assertThat(ten.p90Days()).isEqualByComparingTo("14.0");
  }

  @Test
  void openAndOverdueNowCountOpenCasesOnly() {
    for (int i = 0; i < 6; i++) {
      String id = "o" + i;
      Histories h = Histories.of("ServiceRequest", id).then(submitted(id, MELDE, BUERGERAMT, T, 1));
      if (i < 5) {
        h.then(new CaseBecameOverdue(new ServiceRequestId(id), days(1), days(2)));
      }
      deliver(services, h.events());
    }
    String withdrawn = "w";
    deliver(
        services,
        Histories.of("ServiceRequest", withdrawn)
            .then(submitted(withdrawn, MELDE, BUERGERAMT, T, 1))
            .then(new CaseBecameOverdue(new ServiceRequestId(withdrawn), days(1), days(2)))
            .then(new ServiceRequestWithdrawn(new ServiceRequestId(withdrawn), ANNA, null, days(3)))
            .events());

    BacklogFigures backlog = all().open().get(0);

    assertThat(backlog.open()).isEqualTo(6);
    assertThat(backlog.overdue()).isEqualTo(5);
  }

  @Test
  void aForwardedCaseIsSubmittedUnderOneDepartmentAndDecidedUnderTheOther() {
    for (int i = 0; i < 5; i++) {
      String id = "f" + i;
      ServiceRequestId caseId = new ServiceRequestId(id);
      deliver(
          departments,
          Histories.of("ServiceRequest", id)
              .then(submitted(id, MELDE, BUERGERAMT, T, 10))
              .then(new CaseForwarded(caseId, ANNA, BUERGERAMT, ORDNUNGSAMT, "zuständig", days(1)))
              .then(new CaseAssigned(caseId, new ClerkId("carl"), days(2)))
              .then(new CaseDecided(caseId, ANNA, approved(), days(3)))
              .events());
    }

    CaseStatistics figures = departments.handle(new FindDepartmentStatistics(null, null, null));

    assertThat(figures.months())
        .extracting(MonthFigures::key, MonthFigures::submitted, MonthFigures::decided)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("buergeramt", 5, null),
            org.assertj.core.groups.Tuple.tuple("ordnungsamt", null, 5));
  }

  @Test
  void monthsOutsideTheFilterAreLeftOut() {
    for (int i = 0; i < 5; i++) {
      deliver(services, decidedAfter("c" + i, 40).events()); // submitted March, decided April
    }

    CaseStatistics april =
        services.handle(new FindServiceStatistics(YearMonth.of(2026, 4), null, null));

    assertThat(april.months())
        .extracting(MonthFigures::month)
        .containsExactly(YearMonth.of(2026, 4));
    assertThat(april.firstMonth()).isEqualTo(YearMonth.of(2026, 4));
  }
}
