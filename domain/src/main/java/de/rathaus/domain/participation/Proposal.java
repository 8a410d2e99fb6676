package de.rathaus.domain.participation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.rathaus.domain.participation.ProposalRuleViolation.Code;
import de.rathaus.domain.shared.CitizenId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A proposal (Vorschlag): what a citizen suggests in an open ideas consultation, under a name they
 * choose. Its author may edit it while the consultation is open; once voting starts it stays as it
 * is. Every edit is recorded, and the public sees that it was edited.
 *
 * <p>Its state is what the rules need: the author and the present content. Supports, comments,
 * moderation and the city's answer come in later slices; supports will live apart from this state
 * so that one support costs the same whatever their number.
 */
public class Proposal {

  @AggregateIdentifier private ProposalId id;
  private CitizenId author;
  private ProposalContent content;

  /** For Axon, which rebuilds the aggregate from its events. */
  protected Proposal() {}

  /** Submits it; an id in use already is refused by the event store (one history per id). */
  @CommandHandler
  public Proposal(SubmitProposal command) {
    if (command.format() != ConsultationFormat.IDEAS) {
      throw new ProposalRuleViolation(
          command.id(),
          Code.NOT_AN_IDEAS_CONSULTATION,
          "Only an ideas consultation takes proposals");
    }
    if (command.phase() != ConsultationPhase.OPEN) {
      throw new ProposalRuleViolation(
          command.id(),
          Code.CONSULTATION_NOT_OPEN,
          "Proposals are submitted while the consultation is open");
    }
    ProposalContent c = command.content();
    apply(
        new ProposalSubmitted(
            command.id(),
            command.consultation(),
            command.author(),
            c.displayName(),
            c.title(),
            c.text(),
            c.location(),
            command.at()));
  }

  /** Saves a new version; saving what is recorded records nothing. */
  @CommandHandler
  public void handle(EditProposal command) {
    if (!author.equals(command.editor())) {
      throw new ProposalRuleViolation(id, Code.NOT_THE_AUTHOR, "Only its author edits a proposal");
    }
    if (command.phase() != ConsultationPhase.OPEN) {
      throw new ProposalRuleViolation(
          id, Code.EDITS_ENDED, "Proposals are edited while the consultation is open");
    }
    ProposalContent c = command.content();
    if (!c.equals(content)) {
      apply(
          new ProposalEdited(
              id, author, c.displayName(), c.title(), c.text(), c.location(), command.at()));
    }
  }

  @EventSourcingHandler
  void on(ProposalSubmitted event) {
    id = event.id();
    author = event.author();
    content = event.content();
  }

  @EventSourcingHandler
  void on(ProposalEdited event) {
    content = event.content();
  }

  // --- supports helper: feedback items (the city puts them up; citizens rate them)

  /** Puts up an item of a feedback consultation while it is a draft or open. */
  @CommandHandler
  public Proposal(PutUpFeedbackItem command) {
    if (command.format() != ConsultationFormat.FEEDBACK) {
      throw new ProposalRuleViolation(
          command.id(),
          Code.NOT_A_FEEDBACK_CONSULTATION,
          "Only a feedback consultation takes items");
    }
    if (command.phase() != ConsultationPhase.DRAFT && command.phase() != ConsultationPhase.OPEN) {
      throw new ProposalRuleViolation(
          command.id(),
          Code.ITEMS_CLOSED,
          "Items are put up while the consultation is a draft or open");
    }
    ProposalContent c = command.content();
    apply(
        new FeedbackItemPutUp(
            command.id(),
            command.consultation(),
            command.author(),
            c.displayName(),
            c.title(),
            c.text(),
            c.location(),
            command.at()));
  }

  @EventSourcingHandler
  void on(FeedbackItemPutUp event) {
    id = event.id();
    author = event.author();
    content = event.content();
  }
}
