package de.rathaus.domain.participation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.rathaus.domain.participation.ConsultationRuleViolation.Code;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A consultation (Beteiligungsverfahren): the city asks its citizens about one theme of its
 * strategy (an action field), for ideas or for feedback on pilot projects, during dates it sets.
 *
 * <p>Phases: {@code DRAFT → OPEN → VOTING → CLOSED → RESULTS_PUBLISHED}, never backwards. At its
 * dates the phase watch moves it: {@code opensAt} opens it, {@code closesAt} starts voting if a
 * voting phase is set ({@code votingEndsAt}, ideas only) or else closes it, {@code votingEndsAt}
 * closes it. An administrator may move it earlier by hand, one phase at a time (an open one may
 * also close without voting); only an administrator publishes the results, with a summary. Only a
 * draft's content may change.
 */
public class Consultation {

  @AggregateIdentifier private ConsultationId id;
  private ConsultationContent content;
  private ConsultationPhase phase;

  /** For Axon, which rebuilds the aggregate from its events. */
  protected Consultation() {}

  /** Drafts it; an id in use already is refused by the event store (one history per id). */
  @CommandHandler
  public Consultation(DraftConsultation command) {
    ConsultationContentRules.requireFitting(command.id(), command.content(), command.at());
    apply(new ConsultationDrafted(command.id(), command.content(), command.at()));
  }

  /** Saves a draft's content; saving what is recorded records nothing. */
  @CommandHandler
  public void handle(ReviseConsultation command) {
    if (phase != ConsultationPhase.DRAFT) {
      throw violation(Code.NOT_A_DRAFT, "Only a draft consultation's content may change");
    }
    ConsultationContentRules.requireFitting(id, command.content(), command.at());
    if (!command.content().equals(content)) {
      apply(new ConsultationRevised(id, command.content()));
    }
  }

  @CommandHandler
  public void handle(MoveConsultationPhase command) {
    ConsultationPhase target = command.phase();
    requireMovableByHand(target);
    requireSummaryFor(target, command);
    moveTo(target, command.at(), command);
  }

  /** Takes every move the dates say is due by then, in order; refuses if none is. */
  @CommandHandler
  public void handle(AdvanceConsultationPhases command) {
    boolean moved = false;
    for (ConsultationPhase next = dueAt(command.now()); next != null; next = dueAt(command.now())) {
      moveTo(next, dateOf(next), null);
      moved = true;
    }
    if (!moved) {
      throw violation(Code.NOTHING_DUE, "No date of the consultation is due");
    }
  }

  /** The phase its dates move it to by {@code now}, or {@code null} if none is due. */
  private ConsultationPhase dueAt(Instant now) {
    ConsultationPhase next =
        switch (phase) {
          case DRAFT -> ConsultationPhase.OPEN;
          case OPEN ->
              content.votingEndsAt() != null ? ConsultationPhase.VOTING : ConsultationPhase.CLOSED;
          case VOTING -> content.votingEndsAt() != null ? ConsultationPhase.CLOSED : null;
          case CLOSED, RESULTS_PUBLISHED -> null;
        };
    return next != null && !now.isBefore(dateOf(next)) ? next : null;
  }

  /** The date set for entering {@code next} from the present phase. */
  private Instant dateOf(ConsultationPhase next) {
    return switch (next) {
      case OPEN -> content.opensAt();
      case VOTING -> content.closesAt();
      case CLOSED ->
          phase == ConsultationPhase.VOTING ? content.votingEndsAt() : content.closesAt();
      default -> throw new IllegalStateException("No date moves a consultation to " + next);
    };
  }

  private void moveTo(ConsultationPhase target, Instant at, MoveConsultationPhase byHand) {
    switch (target) {
      case OPEN -> apply(new ConsultationOpened(id, at));
      case VOTING -> apply(new ConsultationVotingStarted(id, at));
      case CLOSED -> apply(new ConsultationClosed(id, at));
      case RESULTS_PUBLISHED -> apply(new ConsultationResultsPublished(id, byHand.summary(), at));
      case DRAFT -> throw new IllegalStateException("Nothing moves a consultation to a draft");
    }
  }

  private void requireMovableByHand(ConsultationPhase target) {
    if (!target.isAfter(phase)) {
      throw violation(Code.NOT_FORWARD, "A consultation in " + phase + " cannot move to " + target);
    }
    if (target == ConsultationPhase.VOTING && !content.format().hasVoting()) {
      throw violation(Code.NO_VOTING_IN_FEEDBACK, "A feedback consultation has no voting phase");
    }
    boolean oneStep = target.ordinal() == phase.ordinal() + 1;
    boolean closesWithoutVoting =
        phase == ConsultationPhase.OPEN && target == ConsultationPhase.CLOSED;
    if (!oneStep && !closesWithoutVoting) {
      throw violation(Code.SKIPS_A_PHASE, "A consultation in " + phase + " skips to " + target);
    }
  }

  private void requireSummaryFor(ConsultationPhase target, MoveConsultationPhase command) {
    boolean results = target == ConsultationPhase.RESULTS_PUBLISHED;
    if (results && command.summary() == null) {
      throw violation(Code.SUMMARY_REQUIRED, "Results are published with a summary");
    }
    if (!results && command.summary() != null) {
      throw violation(Code.SUMMARY_ONLY_WITH_RESULTS, "A summary belongs to published results");
    }
  }

  private ConsultationRuleViolation violation(Code code, String message) {
    return violation(id, code, message);
  }

  private static ConsultationRuleViolation violation(ConsultationId id, Code code, String message) {
    return new ConsultationRuleViolation(id, code, message);
  }

  @EventSourcingHandler
  void on(ConsultationDrafted event) {
    id = event.id();
    content = event.content();
    phase = ConsultationPhase.DRAFT;
  }

  @EventSourcingHandler
  void on(ConsultationRevised event) {
    content = event.content();
  }

  @EventSourcingHandler
  void on(ConsultationOpened event) {
    phase = ConsultationPhase.OPEN;
  }

  @EventSourcingHandler
  void on(ConsultationVotingStarted event) {
    phase = ConsultationPhase.VOTING;
  }

  @EventSourcingHandler
  void on(ConsultationClosed event) {
    phase = ConsultationPhase.CLOSED;
  }

  @EventSourcingHandler
  void on(ConsultationResultsPublished event) {
    phase = ConsultationPhase.RESULTS_PUBLISHED;
  }

  ConsultationPhase phase() {
    return phase;
  }
}
