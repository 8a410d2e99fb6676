package de.rathaus.domain.participation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.rathaus.domain.participation.ProposalRuleViolation.Code;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One citizen's rating (Bewertung) of one item of a feedback consultation: a history of its own,
 * under a pseudonymous id, as a support has. It is changed while the consultation is open; the same
 * stars again record nothing.
 */
public class Rating {

  @AggregateIdentifier private RatingId id;
  private int stars;

  /** For Axon, which rebuilds the rating from its events (or makes a new one). */
  protected Rating() {}

  /** Rates the item, or changes the rating. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RateItem command) {
    if (command.format() != ConsultationFormat.FEEDBACK) {
      throw new ProposalRuleViolation(
          command.item(),
          Code.NOT_A_FEEDBACK_CONSULTATION,
          "Only the items of a feedback consultation are rated");
    }
    if (command.phase() != ConsultationPhase.OPEN) {
      throw new ProposalRuleViolation(
          command.item(), Code.RATINGS_CLOSED, "Items are rated while the consultation is open");
    }
    if (stars == 0) {
      apply(new ItemRated(command.id(), command.item(), command.stars(), command.at()));
    } else if (stars != command.stars()) {
      apply(new RatingChanged(id, command.item(), command.stars(), stars, command.at()));
    }
  }

  @EventSourcingHandler
  void on(ItemRated event) {
    id = event.id();
    stars = event.stars();
  }

  @EventSourcingHandler
  void on(RatingChanged event) {
    stars = event.stars();
  }
}
