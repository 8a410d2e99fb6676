package de.rathaus.application.servicerequest;

import de.rathaus.application.servicerequest.CaseView.Note;
import de.rathaus.application.servicerequest.RequestView.Outcome;
import de.rathaus.application.servicerequest.RequestView.Question;
import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseBecameOverdue;
import de.rathaus.domain.servicerequest.CaseClosed;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestCancelled;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.InternalNoteAdded;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.servicerequest.ServiceRequestWithdrawn;
import de.rathaus.domain.shared.ServiceRequestId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

/** Keeps the clerks' view of cases and answers the work queue of a department. */
public class CaseProjection {

  private final CaseViews views;

  public CaseProjection(CaseViews views) {
    this.views = views;
  }

  @EventHandler
  void on(ServiceRequestSubmitted e) {
    views.save(
        new CaseView(
            e.id().value(),
            e.caseNumber().value(),
            e.serviceCode().value(),
            e.kind().name(),
            e.applicant().value(),
            e.department().value(),
            "SUBMITTED",
            null,
            e.submittedAt(),
            e.dueDate(),
            false,
            e.applicantName(),
            e.applicantEmail(),
            e.applicantPhone(),
            e.applicantAddress(),
            e.attributes(),
            e.description(),
            e.location() == null ? null : e.location().lat(),
            e.location() == null ? null : e.location().lon(),
            e.location() == null ? null : e.location().address(),
            List.of(),
            List.of(),
            null,
            1));
  }

  @EventHandler
  void on(CaseAssigned e) {
    update(
        e.id(),
        v ->
            copy(
                v,
                v.status().equals("SUBMITTED") ? "IN_PROGRESS" : v.status(),
                e.assignee().value(),
                v.department(),
                v.dueDate(),
                v.overdue(),
                v.notes(),
                v.informationRequests(),
                v.decision()));
  }

  @EventHandler
  void on(CaseForwarded e) {
    update(
        e.id(),
        v ->
            copy(
                v,
                v.status(),
                null,
                e.toDepartment().value(),
                v.dueDate(),
                v.overdue(),
                v.notes(),
                v.informationRequests(),
                v.decision()));
  }

  @EventHandler
  void on(InformationRequested e) {
    update(
        e.id(),
        v -> {
          List<Question> questions = new ArrayList<>(v.informationRequests());
          questions.add(
              new Question(
                  e.informationRequestId().value(), e.question(), e.answerDueDate(), null, null));
          return copy(
              v,
              "WAITING_FOR_APPLICANT",
              v.assignee(),
              v.department(),
              v.dueDate(),
              v.overdue(),
              v.notes(),
              questions,
              v.decision());
        });
  }

  @EventHandler
  void on(InformationRequestAnswered e) {
    update(
        e.id(),
        v -> {
          List<Question> questions =
              Question.answered(
                  v.informationRequests(), e.informationRequestId().value(), e.text(), e.at());
          return copy(
              v,
              "IN_PROGRESS",
              v.assignee(),
              v.department(),
              e.newDueDate(),
              v.overdue(),
              v.notes(),
              questions,
              v.decision());
        });
  }

  @EventHandler
  void on(InformationRequestCancelled e) {
    update(
        e.id(),
        v ->
            copy(
                v,
                "IN_PROGRESS",
                v.assignee(),
                v.department(),
                e.newDueDate(),
                v.overdue(),
                v.notes(),
                v.informationRequests(),
                v.decision()));
  }

  @EventHandler
  void on(InternalNoteAdded e) {
    update(
        e.id(),
        v -> {
          List<Note> notes = new ArrayList<>(v.notes());
          notes.add(new Note(e.author().value(), e.text(), e.at()));
          return copy(
              v,
              v.status(),
              v.assignee(),
              v.department(),
              v.dueDate(),
              v.overdue(),
              notes,
              v.informationRequests(),
              v.decision());
        });
  }

  @EventHandler
  void on(CaseBecameOverdue e) {
    update(
        e.id(),
        v ->
            copy(
                v,
                v.status(),
                v.assignee(),
                v.department(),
                v.dueDate(),
                true,
                v.notes(),
                v.informationRequests(),
                v.decision()));
  }

  @EventHandler
  void on(CaseDecided e) {
    Outcome outcome =
        new Outcome(
            e.decision().outcome().name(),
            e.decision().reasoning(),
            e.decision().legalBasis(),
            e.at());
    update(
        e.id(),
        v ->
            copy(
                v,
                "DECIDED",
                v.assignee(),
                v.department(),
                v.dueDate(),
                v.overdue(),
                v.notes(),
                v.informationRequests(),
                outcome));
  }

  @EventHandler
  void on(CaseClosed e) {
    update(
        e.id(),
        v ->
            copy(
                v,
                "CLOSED",
                v.assignee(),
                v.department(),
                v.dueDate(),
                v.overdue(),
                v.notes(),
                v.informationRequests(),
                v.decision()));
  }

  @EventHandler
  void on(ServiceRequestWithdrawn e) {
    update(
        e.id(),
        v ->
            copy(
                v,
                "WITHDRAWN",
                v.assignee(),
                v.department(),
                v.dueDate(),
                v.overdue(),
                v.notes(),
                v.informationRequests(),
                v.decision()));
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<CaseView> handle(FindCase query) {
    return views.find(query.id()).filter(v -> v.department().equals(query.department()));
  }

  @QueryHandler
  public List<CaseView> handle(ListCases query) {
    return views.listByDepartment(query.department()).stream()
        .filter(v -> query.status() == null || v.status().equals(query.status()))
        .filter(v -> query.assignee() == null || query.assignee().equals(v.assignee()))
        .filter(v -> query.overdue() == null || v.overdue() == query.overdue())
        .toList();
  }

  private void update(ServiceRequestId id, UnaryOperator<CaseView> change) {
    views.find(id.value()).map(change).ifPresent(views::save);
  }

  private static CaseView copy(
      CaseView v,
      String status,
      String assignee,
      String department,
      java.time.Instant dueDate,
      boolean overdue,
      List<Note> notes,
      List<Question> questions,
      Outcome decision) {
    return new CaseView(
        v.id(),
        v.caseNumber(),
        v.serviceCode(),
        v.kind(),
        v.applicant(),
        department,
        status,
        assignee,
        v.submittedAt(),
        dueDate,
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
        notes,
        questions,
        decision,
        v.revision() + 1);
  }
}
