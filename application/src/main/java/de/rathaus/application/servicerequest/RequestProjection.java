package de.rathaus.application.servicerequest;

import de.rathaus.application.servicerequest.RequestView.Outcome;
import de.rathaus.application.servicerequest.RequestView.Question;
import de.rathaus.application.servicerequest.RequestView.TimelineEntry;
import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseClosed;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestCancelled;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.servicerequest.ServiceRequestWithdrawn;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Keeps each applicant's view of their requests. Internal notes and assignees are not part of it:
 * the applicant sees which department handles the case, not which clerk.
 */
public class RequestProjection {

  private final RequestViews views;

  public RequestProjection(RequestViews views) {
    this.views = views;
  }

  @EventHandler
  void on(ServiceRequestSubmitted e) {
    views.save(
        new RequestView(
            e.id().value(),
            e.caseNumber().value(),
            e.applicant().value(),
            e.serviceCode().value(),
            e.serviceVersion(),
            e.kind().name(),
            e.department().value(),
            "SUBMITTED",
            e.submittedAt(),
            e.dueDate(),
            e.attributes(),
            e.description(),
            List.of(new TimelineEntry("SUBMITTED", "SUBMITTED", e.submittedAt())),
            List.of(),
            null,
            null));
  }

  @EventHandler
  void on(CaseAssigned e) {
    update(
        e.id(),
        v ->
            step(
                v,
                "ASSIGNED",
                v.status().equals("SUBMITTED") ? "IN_PROGRESS" : v.status(),
                e.at()));
  }

  @EventHandler
  void on(CaseForwarded e) {
    update(
        e.id(),
        v -> withDepartment(step(v, "FORWARDED", v.status(), e.at()), e.toDepartment().value()));
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
          return withQuestions(
              step(v, "INFORMATION_REQUESTED", "WAITING_FOR_APPLICANT", e.at()),
              questions,
              v.dueDate());
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
          return withQuestions(
              step(v, "INFORMATION_ANSWERED", "IN_PROGRESS", e.at()), questions, e.newDueDate());
        });
  }

  @EventHandler
  void on(InformationRequestCancelled e) {
    update(
        e.id(),
        v ->
            withQuestions(
                step(v, "INFORMATION_REQUEST_CANCELLED", "IN_PROGRESS", e.at()),
                v.informationRequests(),
                e.newDueDate()));
  }

  @EventHandler
  void on(CaseDecided e) {
    update(
        e.id(),
        v -> {
          RequestView decided = step(v, "DECIDED", "DECIDED", e.at());
          Outcome outcome =
              new Outcome(
                  e.decision().outcome().name(),
                  e.decision().reasoning(),
                  e.decision().legalBasis(),
                  e.at());
          return copy(
              decided,
              decided.department(),
              decided.status(),
              decided.dueDate(),
              decided.timeline(),
              decided.informationRequests(),
              outcome);
        });
  }

  @EventHandler
  void on(CaseClosed e) {
    update(e.id(), v -> step(v, "CLOSED", "CLOSED", e.at()));
  }

  @EventHandler
  void on(ServiceRequestWithdrawn e) {
    update(
        e.id(), v -> withWithdrawalReason(step(v, "WITHDRAWN", "WITHDRAWN", e.at()), e.reason()));
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<RequestView> handle(FindMyRequest query) {
    return views.find(query.id()).filter(v -> v.applicant().equals(query.applicant()));
  }

  @QueryHandler
  public List<RequestView> handle(ListMyRequests query) {
    return views.listByApplicant(query.applicant());
  }

  private void update(ServiceRequestId id, UnaryOperator<RequestView> change) {
    views.find(id.value()).map(change).ifPresent(views::save);
  }

  private static RequestView step(RequestView v, String type, String status, Instant at) {
    List<TimelineEntry> timeline = new ArrayList<>(v.timeline());
    timeline.add(new TimelineEntry(type, status, at));
    return copy(
        v, v.department(), status, v.dueDate(), timeline, v.informationRequests(), v.decision());
  }

  private static RequestView withDepartment(RequestView v, String department) {
    return copy(
        v,
        department,
        v.status(),
        v.dueDate(),
        v.timeline(),
        v.informationRequests(),
        v.decision());
  }

  private static RequestView withQuestions(RequestView v, List<Question> questions, Instant due) {
    return copy(v, v.department(), v.status(), due, v.timeline(), questions, v.decision());
  }

  /** The view with what events change; what the submission recorded stays. */
  private static RequestView copy(
      RequestView v,
      String department,
      String status,
      Instant dueDate,
      List<TimelineEntry> timeline,
      List<Question> questions,
      Outcome decision) {
    return new RequestView(
        v.id(),
        v.caseNumber(),
        v.applicant(),
        v.serviceCode(),
        v.serviceVersion(),
        v.kind(),
        department,
        status,
        v.submittedAt(),
        dueDate,
        v.attributes(),
        v.description(),
        timeline,
        questions,
        decision,
        v.withdrawalReason());
  }

  private static RequestView withWithdrawalReason(RequestView v, String reason) {
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
        v.attributes(),
        v.description(),
        v.timeline(),
        v.informationRequests(),
        v.decision(),
        reason);
  }
}
