package de.rathaus.application.participation;

import de.rathaus.application.participation.Pseudonyms.Purpose;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ItemRated;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.RateItem;
import de.rathaus.domain.participation.RatingChanged;
import de.rathaus.domain.participation.RatingId;
import de.rathaus.domain.participation.SupportId;
import de.rathaus.domain.participation.SupportProposal;
import de.rathaus.domain.participation.WithdrawSupport;
import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Citizens' supports and ratings, sent under their pseudonyms ({@link Pseudonyms}): the citizen's
 * id goes no further than this class. Two first supports of the same citizen at once (from two
 * instances) both create the support's history; the event store takes one and refuses the other on
 * its unique (aggregate, sequence), and the refused one is sent again, finds the support and
 * records nothing: both succeed and one support exists.
 *
 * <p>What the citizen chose is read from the choice's own history (a few events, found by id).
 */
public class Supports {

  /** How often a command that lost a race for its history is sent again. */
  static final int ATTEMPTS = 5;

  private final CommandGateway commands;
  private final Pseudonyms pseudonyms;
  private final EventStore events;

  public Supports(CommandGateway commands, Pseudonyms pseudonyms, EventStore events) {
    this.commands = commands;
    this.pseudonyms = pseudonyms;
    this.events = events;
  }

  /** The citizen's support of the proposal (its id, derived from their key). */
  public SupportId supportOf(CitizenId citizen, ProposalId proposal) {
    return SupportId.of(pseudonyms.of(citizen, Purpose.SUPPORT, proposal));
  }

  /** The citizen supports the proposal; a standing support records nothing. */
  public void support(
      CitizenId citizen,
      ProposalId proposal,
      ConsultationFormat format,
      ConsultationPhase phase,
      Instant at) {
    support(supportOf(citizen, proposal), proposal, format, phase, at);
  }

  /** The same under a support id already derived (what {@link #support} sends). */
  public void support(
      SupportId id,
      ProposalId proposal,
      ConsultationFormat format,
      ConsultationPhase phase,
      Instant at) {
    send(new SupportProposal(id, proposal, format, phase, at));
  }

  /** The citizen withdraws their support; none standing records nothing. */
  public void withdraw(
      CitizenId citizen,
      ProposalId proposal,
      ConsultationFormat format,
      ConsultationPhase phase,
      Instant at) {
    send(new WithdrawSupport(supportOf(citizen, proposal), proposal, format, phase, at));
  }

  /** The citizen rates the item, or changes their rating. */
  public void rate(
      CitizenId citizen,
      ProposalId item,
      ConsultationFormat format,
      ConsultationPhase phase,
      int stars,
      Instant at) {
    RatingId id = RatingId.of(pseudonyms.of(citizen, Purpose.RATING, item));
    send(new RateItem(id, item, format, phase, stars, at));
  }

  /** Whether the citizen's support of the proposal stands (false if they have no key). */
  public boolean supportedBy(CitizenId citizen, ProposalId proposal) {
    Optional<String> pseudonym = pseudonyms.find(citizen, Purpose.SUPPORT, proposal);
    return pseudonym.isPresent()
        && last(SupportId.of(pseudonym.get()).value())
            .map(event -> event.getPayload() instanceof ProposalSupported)
            .orElse(false);
  }

  /** The citizen's stars for the item, empty if they have not rated it (or have no key). */
  public OptionalInt starsOf(CitizenId citizen, ProposalId item) {
    Optional<String> pseudonym = pseudonyms.find(citizen, Purpose.RATING, item);
    if (pseudonym.isEmpty()) {
      return OptionalInt.empty();
    }
    Optional<DomainEventMessage<?>> last = last(RatingId.of(pseudonym.get()).value());
    if (last.isEmpty()) {
      return OptionalInt.empty();
    }
    Object payload = last.get().getPayload();
    if (payload instanceof ItemRated rated) {
      return OptionalInt.of(rated.stars());
    }
    if (payload instanceof RatingChanged changed) {
      return OptionalInt.of(changed.stars());
    }
    return OptionalInt.empty();
  }

  private Optional<DomainEventMessage<?>> last(String aggregate) {
    DomainEventStream stream = events.readEvents(aggregate);
    DomainEventMessage<?> last = null;
    while (stream.hasNext()) {
      last = stream.next();
    }
    return Optional.ofNullable(last);
  }

  private void send(Object command) {
    for (int attempt = 1; ; attempt++) {
      try {
        commands.sendAndWait(command);
        return;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !lostTheRace(e)) {
          throw e;
        }
      }
    }
  }

  /** Whether another writer appended to the same history first (the command may be sent again). */
  private static boolean lostTheRace(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConcurrencyException
          || cause instanceof AggregateStreamCreationException) {
        return true;
      }
    }
    return false;
  }
}
