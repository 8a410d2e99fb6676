package de.rathaus.application.servicerequest;

import de.rathaus.application.servicerequest.CaseView.Note;
import de.rathaus.application.servicerequest.RequestView.Outcome;
import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.privacy.PersonalDataErased;
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
import de.rathaus.domain.servicerequest.InternalNoteAdded;
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

/** Keeps the clerks' view of cases and answers the work queue of a department. */
public class CaseProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "case-views";

  private final CaseViews views;

  public CaseProjection(CaseViews views) {
    this.views = views;
  }

  @EventHandler
  void on(ServiceRequestSubmitted e) {
    ViewUpdates.create(views, CaseView.submitted(e));
  }

  @EventHandler
  void on(CaseAssigned e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.assignedTo(e.assignee(), e.at()));
  }

  @EventHandler
  void on(CaseForwarded e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.forwardedTo(e.toDepartment(), e.at()));
  }

  @EventHandler
  void on(InformationRequested e, @SequenceNumber long sequence) {
    progress(
        e.id(),
        sequence,
        r -> r.asked(e.informationRequestId(), e.question(), e.answerDueDate(), e.at()));
  }

  @EventHandler
  void on(InformationRequestAnswered e, @SequenceNumber long sequence) {
    progress(
        e.id(),
        sequence,
        r -> r.answered(e.informationRequestId(), e.text(), e.newDueDate(), e.at()));
  }

  @EventHandler
  void on(InformationRequestCancelled e, @SequenceNumber long sequence) {
    progress(
        e.id(),
        sequence,
        r -> r.questionCancelled(e.informationRequestId(), e.newDueDate(), e.at()));
  }

  @EventHandler
  void on(InformationRequestBecameOverdue e, @SequenceNumber long sequence) {
    progress(e.id(), sequence, r -> r.answerOverdue(e.informationRequestId()));
  }

  @EventHandler
  void on(InternalNoteAdded e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.noted(new Note(e.author(), e.text(), e.at())));
  }

  @EventHandler
  void on(CaseBecameOverdue e, @SequenceNumber long sequence) {
    progress(e.id(), sequence, r -> r.becameOverdue(e.at()));
  }

  @EventHandler
  void on(CaseDecided e, @SequenceNumber long sequence) {
    Outcome outcome =
        new Outcome(
            e.decision().outcome(), e.decision().reasoning(), e.decision().legalBasis(), e.at());
    progress(e.id(), sequence, r -> r.decided(outcome));
  }

  @EventHandler
  void on(CaseClosed e, @SequenceNumber long sequence) {
    progress(e.id(), sequence, r -> r.closed(e.at()));
  }

  @EventHandler
  void on(ServiceRequestWithdrawn e, @SequenceNumber long sequence) {
    progress(e.id(), sequence, r -> r.withdrawn(e.reason(), e.at()));
  }

  @EventHandler
  void on(DocumentAttached e, @SequenceNumber long sequence) {
    progress(e.id(), sequence, v -> v.attached(RequestView.Attachment.of(e)));
  }

  @EventHandler
  void on(ObjectionFiled e, @SequenceNumber long sequence) {
    progress(
        e.id(), sequence, v -> v.objectionFiled(e.reasons(), e.attachments(), e.dueDate(), e.at()));
  }

  @EventHandler
  void on(ObjectionDecided e, @SequenceNumber long sequence) {
    progress(e.id(), sequence, v -> v.objectionDecided(e.outcome(), e.reasoning(), e.at()));
  }

  @EventHandler
  void on(ApplicantContactRectified e, @SequenceNumber long sequence) {
    CaseView.Contact corrected = new CaseView.Contact(e.name(), e.email(), e.phone(), e.address());
    update(e.id(), sequence, v -> v.rectified(corrected, e.at()));
  }

  /** An erased applicant's name is no longer searchable (their cases' name index is deleted). */
  @EventHandler
  void on(PersonalDataErased e) {
    views.forgetApplicantNames(e.subject());
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<CaseView> handle(FindCase query) {
    return views.find(query.id().value()).filter(v -> v.department().equals(query.department()));
  }

  @QueryHandler
  public CaseQueuePage handle(ListCases query) {
    return CaseQueuePage.of(views.queue(query));
  }

  private void progress(ServiceRequestId id, long sequence, UnaryOperator<RequestView> change) {
    update(id, sequence, v -> v.progressed(change));
  }

  private void update(ServiceRequestId id, long sequence, UnaryOperator<CaseView> change) {
    ViewUpdates.update(views, id.value(), sequence, change);
  }
}
