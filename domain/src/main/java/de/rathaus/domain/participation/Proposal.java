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
 * <p>Its state is what the rules need: the author, the present content and the city's answer in
 * force. Supports live apart from this state, so that one support costs the same whatever their
 * number.
 */
public class Proposal {

  @AggregateIdentifier private ProposalId id;
  private CitizenId author;
  private ProposalContent content;
  private ConsultationId consultation;
  private AnswerStatus answerStatus;
  private AnswerReasoning answerReasoning;

  // --- comments and moderation
  private boolean hidden;
  private final ProposalComments comments = new ProposalComments();

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
            command.at(),
            command.supportThreshold(),
            command.answerDeadlineDays()));
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

  /**
   * The city answers, or updates its answer; an answer that says what the one in force says records
   * nothing. Answers may be given in any phase a proposal exists in (open to results published).
   */
  @CommandHandler
  public void handle(AnswerProposal command) {
    if (command.status() == answerStatus && command.reasoning().equals(answerReasoning)) {
      return;
    }
    apply(
        new ProposalAnswered(
            id, consultation, command.status(), command.reasoning(), command.at()));
  }

  @EventSourcingHandler
  void on(ProposalSubmitted event) {
    id = event.id();
    author = event.author();
    content = event.content();
    consultation = event.consultation();
  }

  @EventSourcingHandler
  void on(ProposalEdited event) {
    content = event.content();
  }

  @EventSourcingHandler
  void on(ProposalAnswered event) {
    answerStatus = event.status();
    answerReasoning = event.reasoning();
  }

  // --- comments and moderation

  /**
   * A comment, or a reply to a visible top-level comment, while the consultation takes comments and
   * the proposal is not hidden.
   */
  @CommandHandler
  public void handle(PostComment command) {
    if (!ProposalComments.open(command.format(), command.phase())) {
      throw new ProposalRuleViolation(
          id,
          Code.COMMENTS_CLOSED,
          "Comments are taken while the consultation is open (ideas: also in voting)");
    }
    if (hidden) {
      throw new ProposalRuleViolation(
          id, Code.PROPOSAL_HIDDEN, "A hidden proposal takes no comments");
    }
    if (command.parent() != null) {
      comments.requireRepliable(id, command.parent());
    }
    CommentContent c = command.content();
    apply(
        new CommentPosted(
            id,
            command.comment(),
            command.parent(),
            command.author(),
            c.displayName(),
            c.text(),
            command.at()));
  }

  /**
   * Hides or restores the proposal or one of its comments; a change that changes nothing is
   * refused.
   */
  @CommandHandler
  public void handle(ModerateProposal command) {
    String reason = command.reason().strip();
    boolean hide = command.action() == ModerationAction.HIDE;
    if (command.comment() == null) {
      ProposalComments.requireChange(id, hidden, command.action());
      apply(
          hide
              ? new ProposalHidden(id, consultation, reason, command.role(), command.at())
              : new ProposalRestored(id, consultation, reason, command.role(), command.at()));
      return;
    }
    comments.requireModeratable(id, command.comment(), command.action());
    apply(
        hide
            ? new CommentHidden(
                id, consultation, command.comment(), reason, command.role(), command.at())
            : new CommentRestored(
                id, consultation, command.comment(), reason, command.role(), command.at()));
  }

  @EventSourcingHandler
  void on(CommentPosted event) {
    comments.posted(event);
  }

  @EventSourcingHandler
  void on(ProposalHidden event) {
    hidden = true;
  }

  @EventSourcingHandler
  void on(ProposalRestored event) {
    hidden = false;
  }

  @EventSourcingHandler
  void on(CommentHidden event) {
    comments.hidden(event.comment(), true);
  }

  @EventSourcingHandler
  void on(CommentRestored event) {
    comments.hidden(event.comment(), false);
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
    consultation = event.consultation();
  }
}
