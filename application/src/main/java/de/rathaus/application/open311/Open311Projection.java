package de.rathaus.application.open311;

import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.privacy.PersonalDataErased;
import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseClosed;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestCancelled;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.ObjectionDecided;
import de.rathaus.domain.servicerequest.ObjectionFiled;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.servicerequest.ServiceRequestWithdrawn;
import de.rathaus.domain.shared.ServiceRequestId;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Keeps the requests as Open311 shows them to everyone ({@link PublicRequestView}): every request
 * of every channel, with only its public parts. A status follows the case as the applicant sees it;
 * the due date follows the pauses for the applicant's answers and the objection's deadline. When a
 * citizen's data is erased, the descriptions of theirs that were published are dropped at once
 * (they are encrypted under the erased key besides, and a rebuild never publishes them again: the
 * reporter's agreement is personal data too and reads as erased).
 */
public class Open311Projection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "open311-requests";

  private final PublicRequests views;

  public Open311Projection(PublicRequests views) {
    this.views = views;
  }

  @EventHandler
  void on(ServiceRequestSubmitted e) {
    ViewUpdates.create(views, PublicRequestView.submitted(e));
  }

  @EventHandler
  void on(CaseAssigned e, @SequenceNumber long sequence) {
    update(
        e.id(),
        sequence,
        v ->
            v.status() == RequestStatus.SUBMITTED ? v.moved(RequestStatus.IN_PROGRESS, e.at()) : v);
  }

  @EventHandler
  void on(CaseForwarded e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.handledBy(e.toDepartment().value(), e.at()));
  }

  @EventHandler
  void on(InformationRequested e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.moved(RequestStatus.WAITING_FOR_APPLICANT, e.at()));
  }

  @EventHandler
  void on(InformationRequestAnswered e, @SequenceNumber long sequence) {
    update(
        e.id(),
        sequence,
        v -> v.moved(RequestStatus.IN_PROGRESS, e.at()).due(e.newDueDate(), e.at()));
  }

  @EventHandler
  void on(InformationRequestCancelled e, @SequenceNumber long sequence) {
    update(
        e.id(),
        sequence,
        v -> v.moved(RequestStatus.IN_PROGRESS, e.at()).due(e.newDueDate(), e.at()));
  }

  @EventHandler
  void on(CaseDecided e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.moved(RequestStatus.DECIDED, e.at()));
  }

  @EventHandler
  void on(CaseClosed e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.moved(RequestStatus.CLOSED, e.at()));
  }

  @EventHandler
  void on(ServiceRequestWithdrawn e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.moved(RequestStatus.WITHDRAWN, e.at()));
  }

  @EventHandler
  void on(ObjectionFiled e, @SequenceNumber long sequence) {
    update(
        e.id(),
        sequence,
        v -> v.moved(RequestStatus.OBJECTION_PENDING, e.at()).due(e.dueDate(), e.at()));
  }

  @EventHandler
  void on(ObjectionDecided e, @SequenceNumber long sequence) {
    update(e.id(), sequence, v -> v.moved(RequestStatus.DECIDED, e.at()));
  }

  /** The erased citizen's published descriptions go; the rest of their requests stays public. */
  @EventHandler
  void on(PersonalDataErased e) {
    for (PublicRequestView view : views.bySubject(e.subject())) {
      if (view.description() != null) {
        views.replace(view.withoutDescription(), view.sequence());
      }
    }
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<PublicRequestView> handle(FindPublicRequest query) {
    return query.caseNumber() == null ? Optional.empty() : views.byCaseNumber(query.caseNumber());
  }

  @QueryHandler
  public Optional<PublicRequestView> handle(FindPublicRequestByToken query) {
    return query.token() == null ? Optional.empty() : views.find(query.token());
  }

  @QueryHandler
  public List<PublicRequestView> handle(ListPublicRequests query) {
    return views.list(query);
  }

  private void update(ServiceRequestId id, long sequence, UnaryOperator<PublicRequestView> change) {
    ViewUpdates.update(views, id.value(), sequence, change);
  }
}
