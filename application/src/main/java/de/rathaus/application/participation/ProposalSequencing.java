package de.rathaus.application.participation;

import de.rathaus.domain.participation.ItemRated;
import de.rathaus.domain.participation.ProposalSupportWithdrawn;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.RatingChanged;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * How the proposals' read model orders its events: every event that changes a proposal's record in
 * the proposal's order, whatever history it comes from. A support or rating is an event of its own
 * small history, so by default (per aggregate) it could be processed beside the proposal's other
 * supports in another thread; sequenced by its proposal, a proposal's events are applied one after
 * another in the order of the event store, which lets its tally skip a redelivered one by its
 * position.
 */
public final class ProposalSequencing
    implements org.axonframework.eventhandling.async.SequencingPolicy<EventMessage<?>> {

  @Override
  public Object getSequenceIdentifierFor(EventMessage<?> event) {
    Object payload = event.getPayload();
    if (payload instanceof ProposalSupported supported) {
      return supported.proposal().value();
    }
    if (payload instanceof ProposalSupportWithdrawn withdrawn) {
      return withdrawn.proposal().value();
    }
    if (payload instanceof ItemRated rated) {
      return rated.item().value();
    }
    if (payload instanceof RatingChanged changed) {
      return changed.item().value();
    }
    if (event instanceof DomainEventMessage<?> domain) {
      return domain.getAggregateIdentifier();
    }
    return event.getIdentifier();
  }
}
