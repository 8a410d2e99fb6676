package de.rathaus.application.open311;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.privacy.ErasureGround;
import de.rathaus.domain.privacy.ErasureReason;
import de.rathaus.domain.privacy.ErasureRecordId;
import de.rathaus.domain.privacy.PersonalDataErased;
import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseClosed;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * The public view of Open311: only public parts, the status following the case, the due date
 * following pauses, the description only with the reporter's agreement and gone after erasure.
 */
class Open311ProjectionTest {

  static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  static final CitizenId ANNA = new CitizenId("anna");
  static final DepartmentCode ORDNUNGSAMT = new DepartmentCode("ordnungsamt");

  private final InMemoryPublicRequests views = new InMemoryPublicRequests();
  private final Open311Projection projection = new Open311Projection(views);
  private final AnnotationEventHandlerAdapter adapter =
      new AnnotationEventHandlerAdapter(projection);

  static Instant at(int hours) {
    return T.plus(Duration.ofHours(hours));
  }

  static ServiceRequestSubmitted report(String id, int number, Map<String, Object> attributes) {
    return new ServiceRequestSubmitted(
        new ServiceRequestId(id),
        CaseNumber.of("HN", 2026, number),
        ANNA,
        new ServiceCode("maengelmelder"),
        1,
        ORDNUNGSAMT,
        RequestKind.REPORT,
        attributes,
        "Schlagloch vor der Schule",
        new Location(49.14, 9.21, "Kaiserstraße 1"),
        null,
        "Anna Beispiel",
        "anna@example.org",
        "0711 1234",
        null,
        7,
        T,
        T.plus(Duration.ofDays(7)));
  }

  static ServiceRequestSubmitted application(String id, int number) {
    return new ServiceRequestSubmitted(
        new ServiceRequestId(id),
        CaseNumber.of("HN", 2026, number),
        ANNA,
        new ServiceCode("meldebescheinigung"),
        1,
        new DepartmentCode("buergeramt"),
        RequestKind.REQUEST,
        Map.of("publish_description", "true"),
        "Für den Arbeitgeber",
        null,
        new Location(49.1, 9.2, "Gartenweg 3"),
        "Anna Beispiel",
        "anna@example.org",
        null,
        null,
        3,
        T,
        T.plus(Duration.ofDays(3)));
  }

  private long sequence;

  private void deliver(String id, Object payload) {
    handle(new GenericDomainEventMessage<>("ServiceRequest", id, sequence++, payload));
  }

  private void handle(Message<?> message) {
    try {
      adapter.handle((org.axonframework.eventhandling.EventMessage<?>) message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aReportShowsItsPlaceAndStatusButItsDescriptionOnlyWithTheReportersAgreement() {
    deliver("r-1", report("r-1", 1, Map.of("category", "pothole")));
    sequence = 0;
    deliver("r-2", report("r-2", 2, Map.of("category", "pothole", "publish_description", "true")));
    sequence = 0;
    deliver("r-3", report("r-3", 3, Map.of("publish_description", "false")));

    PublicRequestView silent =
        projection.handle(new FindPublicRequest("HN-2026-000001")).orElseThrow();
    assertThat(silent.lat()).isEqualTo(49.14);
    assertThat(silent.lon()).isEqualTo(9.21);
    assertThat(silent.description()).as("no agreement, no description").isNull();
    assertThat(silent.status()).isEqualTo(RequestStatus.SUBMITTED);
    assertThat(silent.expectedAt()).isEqualTo(T.plus(Duration.ofDays(7)));
    assertThat(silent.department()).isEqualTo("ordnungsamt");
    assertThat(silent.toString()).doesNotContain("Schlagloch", "anna");
    assertThat(
            projection.handle(new FindPublicRequest("HN-2026-000002")).orElseThrow().description())
        .isEqualTo("Schlagloch vor der Schule");
    assertThat(
            projection.handle(new FindPublicRequest("HN-2026-000003")).orElseThrow().description())
        .isNull();
  }

  @Test
  void aReportLocatedByItsAddressAloneShowsNoPlace() {
    ServiceRequestSubmitted withCoordinates = report("r-9", 9, Map.of("category", "pothole"));
    deliver(
        "r-9",
        new ServiceRequestSubmitted(
            withCoordinates.id(),
            withCoordinates.caseNumber(),
            withCoordinates.applicant(),
            withCoordinates.serviceCode(),
            withCoordinates.serviceVersion(),
            withCoordinates.department(),
            withCoordinates.kind(),
            withCoordinates.attributes(),
            withCoordinates.description(),
            Location.ofAddress("Kaiserstraße 1"),
            null,
            withCoordinates.applicantName(),
            withCoordinates.applicantEmail(),
            withCoordinates.applicantPhone(),
            null,
            withCoordinates.processingDays(),
            withCoordinates.submittedAt(),
            withCoordinates.dueDate()));

    PublicRequestView view =
        projection.handle(new FindPublicRequest("HN-2026-000009")).orElseThrow();
    assertThat(view.lat()).as("no coordinates, and the address is personal").isNull();
    assertThat(view.lon()).isNull();
    assertThat(view.toString()).doesNotContain("Kaiser");
  }

  @Test
  void anApplicationShowsNeitherPlaceNorDescriptionWhateverItsAttributesSay() {
    deliver("a-1", application("a-1", 4));

    PublicRequestView view = projection.handle(new FindPublicRequestByToken("a-1")).orElseThrow();
    assertThat(view.kind()).isEqualTo(RequestKind.REQUEST);
    assertThat(view.lat()).isNull();
    assertThat(view.lon()).isNull();
    assertThat(view.description()).isNull();
  }

  @Test
  void theStatusFollowsTheCaseAndTheDueDateItsPauses() {
    ServiceRequestId id = new ServiceRequestId("r-1");
    InformationRequestId question = new InformationRequestId("q-1");
    deliver("r-1", report("r-1", 1, Map.of()));
    deliver("r-1", new CaseAssigned(id, new ClerkId("carl"), at(1)));
    assertThat(views.find("r-1").orElseThrow().status()).isEqualTo(RequestStatus.IN_PROGRESS);
    deliver("r-1", new InformationRequested(id, ANNA, question, "Wo genau?", at(30), at(2)));
    assertThat(views.find("r-1").orElseThrow().status())
        .isEqualTo(RequestStatus.WAITING_FOR_APPLICANT);
    assertThat(views.find("r-1").orElseThrow().open()).isTrue();
    deliver("r-1", new InformationRequestAnswered(id, question, ANNA, "Vor Nr. 8", at(200), at(3)));
    PublicRequestView answered = views.find("r-1").orElseThrow();
    assertThat(answered.status()).isEqualTo(RequestStatus.IN_PROGRESS);
    assertThat(answered.expectedAt()).isEqualTo(at(200));
    deliver(
        "r-1",
        new CaseForwarded(
            id, ANNA, ORDNUNGSAMT, new DepartmentCode("tiefbauamt"), "zuständig", at(4)));
    assertThat(views.find("r-1").orElseThrow().department()).isEqualTo("tiefbauamt");
    deliver(
        "r-1",
        new CaseDecided(
            id, ANNA, new Decision(DecisionOutcome.RESOLVED, "Geflickt", "§ 45 StVO"), at(5)));
    PublicRequestView decided = views.find("r-1").orElseThrow();
    assertThat(decided.open()).isFalse();
    assertThat(decided.updatedAt()).isEqualTo(at(5));
    deliver("r-1", new CaseClosed(id, at(6)));
    assertThat(views.find("r-1").orElseThrow().status()).isEqualTo(RequestStatus.CLOSED);
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    ServiceRequestId id = new ServiceRequestId("r-1");
    deliver("r-1", report("r-1", 1, Map.of()));
    deliver("r-1", new CaseAssigned(id, new ClerkId("carl"), at(1)));
    sequence = 1;
    deliver("r-1", new CaseAssigned(id, new ClerkId("carl"), at(9)));
    assertThat(views.find("r-1").orElseThrow().updatedAt()).isEqualTo(at(1));
  }

  @Test
  void erasingTheReportersDataDropsTheirPublishedDescriptionAndKeepsTheRest() {
    deliver("r-1", report("r-1", 1, Map.of("publish_description", "true")));
    handle(
        GenericEventMessage.asEventMessage(
            new PersonalDataErased(
                new ErasureRecordId("erasures-anna"),
                "e-1",
                ANNA,
                ErasureGround.REQUEST,
                ErasureReason.CONSENT_WITHDRAWN,
                "DS-1",
                "ada",
                "k-1",
                at(2))));

    PublicRequestView view = views.find("r-1").orElseThrow();
    assertThat(view.description()).isNull();
    assertThat(view.lat()).isEqualTo(49.14);
    assertThat(view.caseNumber()).isEqualTo("HN-2026-000001");
  }

  @Test
  void listsAreNewestFirstWithinTheWindowAndFilteredByServiceAndState() {
    deliver("r-1", report("r-1", 1, Map.of()));
    sequence = 0;
    deliver("a-1", application("a-1", 2));
    ServiceRequestId id = new ServiceRequestId("a-1");
    deliver(
        "a-1",
        new CaseDecided(id, ANNA, new Decision(DecisionOutcome.APPROVED, "ok", "§ 18 BMG"), at(1)));

    assertThat(
            projection.handle(
                new ListPublicRequests(List.of(), List.of(), null, T.minusSeconds(1), at(1), 10)))
        .extracting(PublicRequestView::id)
        .containsExactlyInAnyOrder("r-1", "a-1");
    assertThat(
            projection.handle(
                new ListPublicRequests(List.of(), List.of(), true, T.minusSeconds(1), at(1), 10)))
        .extracting(PublicRequestView::id)
        .containsExactly("r-1");
    assertThat(
            projection.handle(
                new ListPublicRequests(
                    List.of(), List.of("meldebescheinigung"), null, T.minusSeconds(1), at(1), 10)))
        .extracting(PublicRequestView::id)
        .containsExactly("a-1");
    assertThat(
            projection.handle(new ListPublicRequests(List.of(), List.of(), null, at(1), at(2), 10)))
        .isEmpty();
    assertThat(
            projection.handle(
                new ListPublicRequests(List.of("HN-2026-000002"), List.of(), null, null, null, 10)))
        .extracting(PublicRequestView::id)
        .containsExactly("a-1");
  }
}
