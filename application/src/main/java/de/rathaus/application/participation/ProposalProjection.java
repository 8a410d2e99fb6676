package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.participation.CommentHidden;
import de.rathaus.domain.participation.CommentPosted;
import de.rathaus.domain.participation.CommentRestored;
import de.rathaus.domain.participation.FeedbackItemPutUp;
import de.rathaus.domain.participation.ItemRated;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalEdited;
import de.rathaus.domain.participation.ProposalHidden;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalRestored;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.participation.ProposalSupportWithdrawn;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.RatingChanged;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
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

  // --- supports helper: feedback items, supports and ratings (counts only, never who)

  @EventHandler
  void on(FeedbackItemPutUp event, @SequenceNumber long sequence) {
    ViewUpdates.apply(views, event.id().value(), sequence, before -> ProposalView.putUp(event));
  }

  @EventHandler
  void on(ProposalSupported event, TrackingToken token) {
    tally(event.proposal(), token, event.at(), (tally, mark) -> tally.supported(mark));
  }

  @EventHandler
  void on(ProposalSupportWithdrawn event, TrackingToken token) {
    tally(event.proposal(), token, event.at(), (tally, mark) -> tally.withdrawn(mark));
  }

  @EventHandler
  void on(ItemRated event, TrackingToken token) {
    tally(event.item(), token, event.at(), (tally, mark) -> tally.rated(event.stars(), mark));
  }

  @EventHandler
  void on(RatingChanged event, TrackingToken token) {
    tally(
        event.item(),
        token,
        event.at(),
        (tally, mark) -> tally.changed(event.previousStars(), event.stars(), mark));
  }

  /**
   * Applies a support or rating event (of another history than the proposal's) to the proposal's
   * tally once: unless the tally's mark covers the event's tracking token (see {@link
   * ProposalTally}). The write is conditional on the record as it was read; should another writer
   * have moved it on meanwhile, it is read again. Without a token (events applied by hand, not by a
   * processor) each is applied as it comes.
   */
  private void tally(
      ProposalId proposal,
      TrackingToken token,
      Instant at,
      BiFunction<ProposalTally, ProposalTally.Mark, ProposalTally> change) {
    while (true) {
      Optional<ProposalView> current = views.find(proposal.value());
      if (current.isEmpty()) {
        return;
      }
      ProposalView view = current.get();
      ProposalTally.Mark mark = markOf(token, view.tally());
      if (token != null && view.tally().applied(mark)) {
        return;
      }
      if (views.replaceTally(view.tallied(change.apply(view.tally(), mark), at), view)) {
        return;
      }
    }
  }

  /** Where the event stands in the stream, by its tracking token (unwrapped during a replay). */
  private static ProposalTally.Mark markOf(TrackingToken token, ProposalTally tally) {
    if (token == null) {
      return new ProposalTally.Mark(tally.index(), new java.util.TreeSet<>(tally.gaps()));
    }
    TrackingToken plain = WrappedToken.unwrapLowerBound(token);
    if (plain instanceof GapAwareTrackingToken gapAware) {
      return new ProposalTally.Mark(gapAware.getIndex(), gapAware.getGaps());
    }
    OptionalLong position = plain.position();
    if (position.isEmpty()) {
      throw new IllegalStateException("A tracking token without a position");
    }
    return new ProposalTally.Mark(position.getAsLong(), new java.util.TreeSet<>());
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
