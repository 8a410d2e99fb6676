package de.rathaus.domain.participation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.rathaus.domain.participation.ProposalRuleViolation.Code;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One citizen's support (Unterstützung) of one proposal: a history of its own, under a pseudonymous
 * id, so that the one-support-per-citizen rule is checked on these few events alone whatever the
 * number of the proposal's supports. Supporting and withdrawing are allowed while an ideas
 * consultation is open or voting; asking for what is so already records nothing.
 */
public class Support {

  @AggregateIdentifier private SupportId id;
  private boolean supported;

  /** For Axon, which rebuilds the support from its events (or makes a new one). */
  protected Support() {}

  /** Supports the proposal; a support standing already records nothing. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(SupportProposal command) {
    requireSupportsOpen(command.proposal(), command.format(), command.phase());
    if (!supported) {
      apply(new ProposalSupported(command.id(), command.proposal(), command.at()));
    }
  }

  /** Withdraws the support; one withdrawn already, or never given, records nothing. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(WithdrawSupport command) {
    requireSupportsOpen(command.proposal(), command.format(), command.phase());
    if (supported) {
      apply(new ProposalSupportWithdrawn(id, command.proposal(), command.at()));
    }
  }

  /** Supports are given and withdrawn in an ideas consultation while it is open or voting. */
  static void requireSupportsOpen(
      ProposalId proposal, ConsultationFormat format, ConsultationPhase phase) {
    if (format != ConsultationFormat.IDEAS) {
      throw new ProposalRuleViolation(
          proposal,
          Code.NOT_AN_IDEAS_CONSULTATION,
          "Only proposals of an ideas consultation are supported");
    }
    if (phase != ConsultationPhase.OPEN && phase != ConsultationPhase.VOTING) {
      throw new ProposalRuleViolation(
          proposal,
          Code.SUPPORTS_CLOSED,
          "Supports are given while the consultation is open or voting");
    }
  }

  @EventSourcingHandler
  void on(ProposalSupported event) {
    id = event.id();
    supported = true;
  }

  @EventSourcingHandler
  void on(ProposalSupportWithdrawn event) {
    supported = false;
  }
}
