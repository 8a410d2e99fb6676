package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.participation.FeedbackItemPutUp;
import de.rathaus.domain.participation.ItemRated;
import de.rathaus.domain.participation.ProposalEdited;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.participation.ProposalSupportWithdrawn;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.RatingChanged;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
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

  // --- supports helper: feedback items, supports and ratings (counts only, never who)

  @EventHandler
  void on(FeedbackItemPutUp event, @SequenceNumber long sequence) {
    ViewUpdates.apply(views, event.id().value(), sequence, before -> ProposalView.putUp(event));
  }

  @EventHandler
  void on(ProposalSupported event, TrackingToken token) {
    tally(event.proposal(), token, (tally, position) -> tally.supported(position));
  }

  @EventHandler
  void on(ProposalSupportWithdrawn event, TrackingToken token) {
    tally(event.proposal(), token, (tally, position) -> tally.withdrawn(position));
  }

  @EventHandler
  void on(ItemRated event, TrackingToken token) {
    tally(event.item(), token, (tally, position) -> tally.rated(event.stars(), position));
  }

  @EventHandler
  void on(RatingChanged event, TrackingToken token) {
    tally(
        event.item(),
        token,
        (tally, position) -> tally.changed(event.previousStars(), event.stars(), position));
  }

  /**
   * Applies a support or rating event (of another history than the proposal's) to the proposal's
   * tally once: by its global position, as these events reach this read model in order per proposal
   * ({@link ProposalSequencing}). Without a token (events applied by hand, not by a processor) it
   * is applied as it comes. The write is conditional on the record's sequence like every other.
   */
  private void tally(
      ProposalId proposal,
      TrackingToken token,
      BiFunction<ProposalTally, Long, ProposalTally> change) {
    Optional<ProposalView> current = views.find(proposal.value());
    if (current.isEmpty()) {
      return;
    }
    ProposalView view = current.get();
    if (token != null && view.tally().applied(positionOf(token))) {
      return;
    }
    long position = token == null ? view.tally().position() : positionOf(token);
    views.replace(view.tallied(change.apply(view.tally(), position)), view.sequence());
  }

  /** The event's global position (in the event store's order). */
  private static long positionOf(TrackingToken token) {
    OptionalLong position = token.position();
    if (position.isEmpty()) {
      throw new IllegalStateException("A tracking token without a position");
    }
    return position.getAsLong();
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
}
