package de.rathaus.application.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseBecameOverdue;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.InternalNoteAdded;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseProjectionTest {

  static final class InMemoryCaseViews implements CaseViews {
    final Map<String, CaseView> views = new HashMap<>();

    @Override
    public void save(CaseView view) {
      views.put(view.id(), view);
    }

    @Override
    public Optional<CaseView> find(String id) {
      return Optional.ofNullable(views.get(id));
    }

    @Override
    public List<CaseView> listByDepartment(String department) {
      return views.values().stream()
          .filter(v -> v.department().equals(department))
          .sorted(Comparator.comparing(CaseView::dueDate))
          .toList();
    }

    @Override
    public List<String> idsRunningAndDueBefore(Instant now) {
      return views.values().stream()
          .filter(v -> v.status().equals("SUBMITTED") || v.status().equals("IN_PROGRESS"))
          .filter(v -> !v.overdue() && now.isAfter(v.dueDate()))
          .map(CaseView::id)
          .toList();
    }

    @Override
    public void clear() {
      views.clear();
    }
  }

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  private final InMemoryCaseViews views = new InMemoryCaseViews();
  private final CaseProjection projection = new CaseProjection(views);

  private void submit(String id, String department) {
    projection.on(
        new ServiceRequestSubmitted(
            new ServiceRequestId(id),
            CaseNumber.of("HN", 2026, 1),
            new CitizenId("anna"),
            new ServiceCode("meldebescheinigung"),
            1,
            new DepartmentCode(department),
            RequestKind.REQUEST,
            Map.of(),
            null,
            null,
            "Anna",
            null,
            null,
            null,
            3,
            T,
            T.plus(Duration.ofDays(3))));
  }

  @Test
  void theQueueFiltersByStatusAssigneeAndOverdue() {
    submit("a", "buergeramt");
    submit("b", "buergeramt");
    submit("c", "ordnungsamt");
    projection.on(new CaseAssigned(new ServiceRequestId("a"), new ClerkId("clara"), T));
    projection.on(new CaseBecameOverdue(new ServiceRequestId("b"), T, T.plus(Duration.ofDays(4))));

    assertThat(projection.handle(new ListCases("buergeramt", null, null, null))).hasSize(2);
    assertThat(projection.handle(new ListCases("buergeramt", "IN_PROGRESS", "clara", null)))
        .extracting(CaseView::id)
        .containsExactly("a");
    assertThat(projection.handle(new ListCases("buergeramt", null, null, true)))
        .extracting(CaseView::id)
        .containsExactly("b");
  }

  @Test
  void aForwardedCaseLeavesTheQueueAndItsAssignee() {
    submit("a", "buergeramt");
    projection.on(new CaseAssigned(new ServiceRequestId("a"), new ClerkId("clara"), T));
    projection.on(
        new CaseForwarded(
            new ServiceRequestId("a"),
            new CitizenId("anna"),
            new DepartmentCode("buergeramt"),
            new DepartmentCode("ordnungsamt"),
            "zuständig",
            T));

    assertThat(projection.handle(new FindCase("a", "buergeramt"))).isEmpty();
    CaseView there = projection.handle(new FindCase("a", "ordnungsamt")).orElseThrow();
    assertThat(there.assignee()).isNull();
  }

  @Test
  void notesAreKeptAndEveryEventCountsAsARevision() {
    submit("a", "buergeramt");
    projection.on(
        new InternalNoteAdded(
            new ServiceRequestId("a"), new CitizenId("anna"), new ClerkId("clara"), "Rückruf", T));

    CaseView view = views.find("a").orElseThrow();
    assertThat(view.notes()).extracting(CaseView.Note::text).containsExactly("Rückruf");
    assertThat(view.revision()).isEqualTo(2);
  }
}
