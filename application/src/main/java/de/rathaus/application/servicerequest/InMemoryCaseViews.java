package de.rathaus.application.servicerequest;

import de.rathaus.application.shared.InMemoryViews;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** The clerks' read model in memory (tests; views built on the fly from part of the history). */
public class InMemoryCaseViews extends InMemoryViews<CaseView> implements CaseViews {

  static final Comparator<CaseView> QUEUE_ORDER =
      Comparator.comparing((CaseView v) -> v.request().dueDate())
          .thenComparing(v -> v.id().value());

  public InMemoryCaseViews() {
    super(v -> v.id().value());
  }

  @Override
  public Page<CaseView> queue(ListCases query) {
    return page(matching(query), QUEUE_ORDER, query.after(), query.size());
  }

  /** Holds no name index: a search by name finds nothing here (the as-of views need none). */
  @Override
  public void forgetApplicantNames(CitizenId applicant) {}

  static Predicate<CaseView> matching(ListCases query) {
    return v ->
        v.department().equals(query.department())
            && query.nameTokens().isEmpty()
            && (query.caseNumber() == null
                || query.caseNumber().equals(v.request().caseNumber().value()))
            && (query.status() == null || v.request().status() == query.status())
            && (query.assignee() == null || Objects.equals(query.assignee(), v.assignee()))
            && (query.overdue() == null || isOverdue(v) == query.overdue())
            && (query.answerOverdue() == null || isAnswerOverdue(v) == query.answerOverdue());
  }

  /** Open and past its due date: what the queue's overdue filter shows. */
  static boolean isOverdue(CaseView v) {
    return v.request().overdue() && v.request().status().isOpen();
  }

  /** Waiting for an answer whose date passed. */
  static boolean isAnswerOverdue(CaseView v) {
    return v.request().status() == RequestStatus.WAITING_FOR_APPLICANT
        && v.request().informationRequests().stream()
            .anyMatch(q -> q.state() == RequestView.QuestionState.OPEN && q.overdue());
  }

  @Override
  public List<ServiceRequestId> idsRunningAndDueBefore(Instant now) {
    return all(
            v ->
                (v.request().status() == RequestStatus.SUBMITTED
                        || v.request().status() == RequestStatus.IN_PROGRESS
                        || v.request().status() == RequestStatus.OBJECTION_PENDING)
                    && !v.request().overdue()
                    && now.isAfter(v.request().dueDate()),
            QUEUE_ORDER)
        .stream()
        .map(CaseView::id)
        .toList();
  }

  @Override
  public List<ServiceRequestId> idsWaitingWithAnswerDueBefore(Instant now) {
    return all(
            v ->
                v.request().status() == RequestStatus.WAITING_FOR_APPLICANT
                    && v.request().informationRequests().stream()
                        .anyMatch(
                            q ->
                                q.state() == RequestView.QuestionState.OPEN
                                    && !q.overdue()
                                    && now.isAfter(q.answerDueDate())),
            QUEUE_ORDER)
        .stream()
        .map(CaseView::id)
        .toList();
  }
}
