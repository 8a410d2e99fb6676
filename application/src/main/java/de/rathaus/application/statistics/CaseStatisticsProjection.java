package de.rathaus.application.statistics;

import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.servicerequest.CaseBecameOverdue;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestCancelled;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.servicerequest.ServiceRequestWithdrawn;
import de.rathaus.domain.shared.ServiceRequestId;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Keeps one {@link CaseFigures} record per case, once per event (a redelivered event is at or below
 * the record's sequence and changes nothing): what the statistics of cases count from. Each
 * statistic of cases is a subclass with its own name, version and store.
 */
abstract class CaseStatisticsProjection {

  protected final CaseFiguresViews cases;

  protected CaseStatisticsProjection(CaseFiguresViews cases) {
    this.cases = cases;
  }

  @EventHandler
  void on(ServiceRequestSubmitted e) {
    ViewUpdates.create(cases, CaseFigures.submitted(e));
  }

  @EventHandler
  void on(CaseForwarded e, @SequenceNumber long sequence) {
    // forwarded during an objection procedure: the figures keep the department that decided
    update(e.id(), sequence, c -> c.decidedAt() != null ? c : c.forwardedTo(e.toDepartment()));
  }

  @EventHandler
  void on(InformationRequested e, @SequenceNumber long sequence) {
    update(e.id(), sequence, c -> c.asked(e.at()));
  }

  @EventHandler
  void on(InformationRequestAnswered e, @SequenceNumber long sequence) {
    update(e.id(), sequence, c -> c.resumed(e.at(), e.newDueDate()));
  }

  @EventHandler
  void on(InformationRequestCancelled e, @SequenceNumber long sequence) {
    update(e.id(), sequence, c -> c.resumed(e.at(), e.newDueDate()));
  }

  @EventHandler
  void on(CaseBecameOverdue e, @SequenceNumber long sequence) {
    // an objection's own deadline passing does not make the first decision late
    update(e.id(), sequence, c -> c.decidedAt() != null ? c : c.flaggedOverdue());
  }

  @EventHandler
  void on(CaseDecided e, @SequenceNumber long sequence) {
    update(e.id(), sequence, c -> c.decided(e.at()));
  }

  @EventHandler
  void on(ServiceRequestWithdrawn e, @SequenceNumber long sequence) {
    update(e.id(), sequence, c -> c.withdrawn(e.at()));
  }

  @ResetHandler
  void reset() {
    cases.clear();
  }

  private void update(ServiceRequestId id, long sequence, UnaryOperator<CaseFigures> change) {
    ViewUpdates.update(cases, id.value(), sequence, change);
  }
}
