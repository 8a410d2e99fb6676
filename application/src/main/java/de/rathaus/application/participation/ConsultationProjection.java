package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.participation.ConsultationClosed;
import de.rathaus.domain.participation.ConsultationDrafted;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationOpened;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ConsultationResultsPublished;
import de.rathaus.domain.participation.ConsultationRevised;
import de.rathaus.domain.participation.ConsultationVotingStarted;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Keeps the consultations as they are read, by action field, phase, goal and format, and the dates
 * the phase watch looks for. Its read model has a name of its own, {@value #NAME}, under which it
 * is processed and rebuilt.
 */
public class ConsultationProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "consultations";

  private final ConsultationViews views;

  public ConsultationProjection(ConsultationViews views) {
    this.views = views;
  }

  @EventHandler
  void on(ConsultationDrafted event, @SequenceNumber long sequence) {
    ViewUpdates.apply(
        views, event.id().value(), sequence, before -> ConsultationView.drafted(event));
  }

  @EventHandler
  void on(ConsultationRevised event, @SequenceNumber long sequence) {
    update(event.id(), sequence, view -> view.revised(event.content()));
  }

  @EventHandler
  void on(ConsultationOpened event, @SequenceNumber long sequence) {
    update(event.id(), sequence, view -> view.entered(ConsultationPhase.OPEN, event.at()));
  }

  @EventHandler
  void on(ConsultationVotingStarted event, @SequenceNumber long sequence) {
    update(event.id(), sequence, view -> view.entered(ConsultationPhase.VOTING, event.at()));
  }

  @EventHandler
  void on(ConsultationClosed event, @SequenceNumber long sequence) {
    update(event.id(), sequence, view -> view.entered(ConsultationPhase.CLOSED, event.at()));
  }

  @EventHandler
  void on(ConsultationResultsPublished event, @SequenceNumber long sequence) {
    update(event.id(), sequence, view -> view.published(event.summary(), event.at()));
  }

  private void update(ConsultationId id, long sequence, UnaryOperator<ConsultationView> change) {
    ViewUpdates.update(views, id.value(), sequence, change);
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<ConsultationView> handle(FindConsultation query) {
    return views.find(query.id().value());
  }

  @QueryHandler
  public ConsultationPage handle(ListConsultations query) {
    Page<ConsultationView> page = views.list(query);
    return new ConsultationPage(page.items(), page.next());
  }
}
