package de.rathaus.application.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class RequestProjectionTest {

  private static final CitizenId ANNA = new CitizenId("anna");

  public static final class InMemoryRequestViews implements RequestViews {
    final Map<String, RequestView> views = new HashMap<>();

    @Override
    public void save(RequestView view) {
      views.put(view.id(), view);
    }

    @Override
    public Optional<RequestView> find(String id) {
      return Optional.ofNullable(views.get(id));
    }

    @Override
    public List<RequestView> listByApplicant(String applicant) {
      List<RequestView> mine = new ArrayList<>();
      views.values().stream().filter(v -> v.applicant().equals(applicant)).forEach(mine::add);
      mine.sort(Comparator.comparing(RequestView::submittedAt).reversed());
      return mine;
    }

    @Override
    public List<RequestView> listEnded() {
      return views.values().stream()
          .filter(v -> v.status().equals("CLOSED") || v.status().equals("WITHDRAWN"))
          .toList();
    }

    @Override
    public void clear() {
      views.clear();
    }
  }

  private static final ServiceRequestId ID = new ServiceRequestId("r-1");
  private static final Instant SUBMITTED = Instant.parse("2026-03-02T09:00:00Z");

  private final InMemoryRequestViews views = new InMemoryRequestViews();
  private final RequestProjection projection = new RequestProjection(views);

  private void submit() {
    projection.on(
        new ServiceRequestSubmitted(
            ID,
            CaseNumber.of("HN", 2026, 7),
            new CitizenId("anna"),
            new ServiceCode("meldebescheinigung"),
            1,
            new DepartmentCode("buergeramt"),
            RequestKind.REQUEST,
            Map.of("copies", 1),
            "Bitte per Post",
            null,
            "Anna Beispiel",
            null,
            null,
            null,
            3,
            SUBMITTED,
            SUBMITTED.plus(Duration.ofDays(3))));
  }

  @Test
  void theApplicantFollowsTheCaseToItsDecision() {
    submit();
    Instant asked = SUBMITTED.plus(Duration.ofHours(2));
    projection.on(new CaseAssigned(ID, new ClerkId("clara"), SUBMITTED.plusSeconds(60)));
    projection.on(
        new InformationRequested(
            ID,
            ANNA,
            new InformationRequestId("q-1"),
            "Welcher Zweck?",
            asked.plus(Duration.ofDays(7)),
            asked));
    Instant newDue = SUBMITTED.plus(Duration.ofDays(4));
    projection.on(
        new InformationRequestAnswered(
            ID,
            new InformationRequestId("q-1"),
            new CitizenId("anna"),
            "Arbeitgeber",
            newDue,
            asked.plus(Duration.ofDays(1))));
    projection.on(
        new CaseDecided(
            ID,
            ANNA,
            new Decision(DecisionOutcome.APPROVED, "Alles vorhanden", "§ 18 BMG"),
            newDue.minusSeconds(60)));

    RequestView view = projection.handle(new FindMyRequest("r-1", "anna")).orElseThrow();

    assertThat(view.status()).isEqualTo("DECIDED");
    assertThat(view.dueDate()).isEqualTo(newDue);
    assertThat(view.timeline())
        .extracting(RequestView.TimelineEntry::type)
        .containsExactly(
            "SUBMITTED", "ASSIGNED", "INFORMATION_REQUESTED", "INFORMATION_ANSWERED", "DECIDED");
    assertThat(view.informationRequests().get(0).answer()).isEqualTo("Arbeitgeber");
    assertThat(view.decision().legalBasis()).isEqualTo("§ 18 BMG");
  }

  @Test
  void anotherApplicantDoesNotFindTheRequest() {
    submit();
    assertThat(projection.handle(new FindMyRequest("r-1", "ben"))).isEmpty();
    assertThat(projection.handle(new ListMyRequests("ben"))).isEmpty();
    assertThat(projection.handle(new ListMyRequests("anna"))).hasSize(1);
  }
}
