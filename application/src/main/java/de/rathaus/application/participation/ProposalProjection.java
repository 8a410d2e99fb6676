package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.participation.CommentHidden;
import de.rathaus.domain.participation.CommentPosted;
import de.rathaus.domain.participation.CommentRestored;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalEdited;
import de.rathaus.domain.participation.ProposalHidden;
import de.rathaus.domain.participation.ProposalRestored;
import de.rathaus.domain.participation.ProposalSubmitted;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Keeps the proposals as they are read, by consultation and newest first. Its read model has a name
 * of its own, {@value #NAME}, under which it is processed and rebuilt.
 */
public class ProposalProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "proposals";

  private final ProposalViews views;

  public ProposalProjection(ProposalViews views) {
    this.views = views;
  }

  @EventHandler
  void on(ProposalSubmitted event, @SequenceNumber long sequence) {
    ViewUpdates.apply(views, event.id().value(), sequence, before -> ProposalView.submitted(event));
  }

  @EventHandler
  void on(ProposalEdited event, @SequenceNumber long sequence) {
    ViewUpdates.update(views, event.id().value(), sequence, view -> view.edited(event));
  }

  @EventHandler
  void on(ProposalAnswered event, @SequenceNumber long sequence) {
    ViewUpdates.update(views, event.id().value(), sequence, view -> view.answered(event));
  }

  // --- comments and moderation

  @EventHandler
  void on(CommentPosted event, @SequenceNumber long sequence) {
    ViewUpdates.update(
        views, event.id().value(), sequence, view -> view.commented(CommentView.posted(event)));
  }

  @EventHandler
  void on(CommentHidden event, @SequenceNumber long sequence) {
    ViewUpdates.update(
        views,
        event.id().value(),
        sequence,
        view -> view.comment(event.comment(), c -> c.hidden(true)));
  }

  @EventHandler
  void on(CommentRestored event, @SequenceNumber long sequence) {
    ViewUpdates.update(
        views,
        event.id().value(),
        sequence,
        view -> view.comment(event.comment(), c -> c.hidden(false)));
  }

  @EventHandler
  void on(ProposalHidden event, @SequenceNumber long sequence) {
    ViewUpdates.update(
        views,
        event.id().value(),
        sequence,
        view -> view.moderated(new ModerationState(true, event.reason(), event.at())));
  }

  @EventHandler
  void on(ProposalRestored event, @SequenceNumber long sequence) {
    ViewUpdates.update(
        views,
        event.id().value(),
        sequence,
        view -> view.moderated(new ModerationState(false, event.reason(), event.at())));
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<ProposalView> handle(FindProposal query) {
    return views.find(query.id().value());
  }

  @QueryHandler
  public ProposalPage handle(ListProposals query) {
    Page<ProposalView> page = views.list(query);
    return new ProposalPage(page.items(), page.next());
  }

  @QueryHandler
  public ConsultationResults handle(FindConsultationResults query) {
    return ConsultationResults.of(
        query.consultation(), views.all(query.consultation()), query.now());
  }
}
