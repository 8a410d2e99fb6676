package de.rathaus.application.servicerequest;

import de.rathaus.application.servicerequest.RequestView.Outcome;
import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.servicerequest.ApplicantContactRectified;
import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseBecameOverdue;
import de.rathaus.domain.servicerequest.CaseClosed;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.DocumentAttached;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestBecameOverdue;
import de.rathaus.domain.servicerequest.InformationRequestCancelled;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.ObjectionDecided;
import de.rathaus.domain.servicerequest.ObjectionFiled;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.servicerequest.ServiceRequestWithdrawn;
import de.rathaus.domain.shared.ServiceRequestId;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Keeps each applicant's view of their requests. Internal notes and assignees are not part of it:
 * the applicant sees which department handles the case, not which clerk.
 */
public class RequestProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "request-views";

  private final RequestViews views;

  public RequestProjection(RequestViews views) {
    this.views = views;
  }

  @EventHandler
  void on(ServiceRequestSubmitted e) {
    ViewUpdates.create(views, RequestView.submitted(e));
  }

  @EventHandler
  void on(CaseAssigned e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.assigned(e.at()));
  }

  @EventHandler
  void on(CaseForwarded e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.forwarded(e.toDepartment(), e.at()));
  }

  @EventHandler
  void on(InformationRequested e, @SequenceNumber long sequence) {
    update(
        e.id(),
        sequence,
        v -> v.asked(e.informationRequestId(), e.question(), e.answerDueDate(), e.at()));
  }

  @EventHandler
  void on(InformationRequestAnswered e, @SequenceNumber long sequence) {
    update(
        e.id(),
        sequence,
        v -> v.answered(e.informationRequestId(), e.text(), e.newDueDate(), e.at()));
  }

  @EventHandler
  void on(InformationRequestCancelled e, @SequenceNumber long sequence) {
    update(
        e.id(),
        sequence,
        v -> v.questionCancelled(e.informationRequestId(), e.newDueDate(), e.at()));
  }

  @EventHandler
  void on(InformationRequestBecameOverdue e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.answerOverdue(e.informationRequestId()));
  }

  @EventHandler
  void on(CaseBecameOverdue e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.becameOverdue(e.at()));
  }

  @EventHandler
  void on(CaseDecided e, @SequenceNumber long sequence) {
    Outcome outcome =
        new Outcome(
            e.decision().outcome(), e.decision().reasoning(), e.decision().legalBasis(), e.at());
    update(e.id(), sequence, v -> v.decided(outcome));
  }

  @EventHandler
  void on(CaseClosed e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.closed(e.at()));
  }

  @EventHandler
  void on(ServiceRequestWithdrawn e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.withdrawn(e.reason(), e.at()));
  }

  @EventHandler
  void on(DocumentAttached e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.attached(RequestView.Attachment.of(e)));
  }

  @EventHandler
  void on(ObjectionFiled e, @SequenceNumber long sequence) {
    update(
        e.id(), sequence, v -> v.objectionFiled(e.reasons(), e.attachments(), e.dueDate(), e.at()));
  }

  @EventHandler
  void on(ObjectionDecided e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.objectionDecided(e.outcome(), e.reasoning(), e.at()));
  }

  @EventHandler
  void on(ApplicantContactRectified e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.contactRectified(e.at()));
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<RequestView> handle(FindMyRequest query) {
    return views.find(query.id().value()).filter(v -> v.applicant().equals(query.applicant()));
  }

  @QueryHandler
  public MyRequestsPage handle(ListMyRequests query) {
    return MyRequestsPage.of(views.mine(query));
  }

  private void update(ServiceRequestId id, long sequence, UnaryOperator<RequestView> change) {
    ViewUpdates.update(views, id.value(), sequence, change);
  }
}
