package de.rathaus.api.participation;

import de.rathaus.api.participation.SupportResources.RatingAnswer;
import de.rathaus.api.participation.SupportResources.RatingInput;
import de.rathaus.api.participation.SupportResources.SupportAnswer;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.ProducedEvents;
import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.api.transparency.LogStamps;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.FindConsultation;
import de.rathaus.application.participation.FindProposal;
import de.rathaus.application.participation.ProposalProjection;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.Supports;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.EventCoverage;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.shared.CitizenId;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Citizens' supports of proposals and ratings of feedback items: one of each per citizen, recorded
 * under their pseudonym and never under their account (who supported or rated what is a political
 * opinion), answered with counts and the caller's own choice only. A support is given and withdrawn
 * in an ideas consultation while it is open or voting, an item rated while its feedback
 * consultation is open; otherwise 409 naming the rule. Each answers once the proposals' read model
 * shows it.
 */
@RestController
public class SupportController {

  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;
  private final Supports supports;
  private final Clock clock;
  private final CaughtUp caughtUp;

  private final LogStamps stamps;

  public SupportController(
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      Supports supports,
      Clock clock,
      EventStore events,
      ObjectProvider<EventProcessingConfiguration> processing,
      ReadModelProgress progress,
      ObjectProvider<EventCoverage> coverage,
      LogStamps stamps) {
    this.stamps = stamps;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
    this.supports = supports;
    this.clock = clock;
    this.caughtUp =
        new CaughtUp(
            events,
            processing::getObject,
            progress,
            coverage.getIfAvailable(() -> EventCoverage.TOKENS));
  }

  /**
   * Supports the proposal; a support standing already changes nothing (idempotent). 409 {@code
   * SUPPORTS_CLOSED} outside open and voting, {@code NOT_AN_IDEAS_CONSULTATION} for a feedback
   * item; an unknown proposal 404.
   */
  @PutMapping("/api/v1/proposals/{id}/support")
  @Refusals(409)
  public SupportAnswer support(@PathVariable String id, Authentication caller) {
    return choose(id, caller, supports::support);
  }

  /** Withdraws the caller's support; none standing changes nothing (idempotent). As for PUT. */
  @DeleteMapping("/api/v1/proposals/{id}/support")
  @Refusals(409)
  public SupportAnswer withdraw(@PathVariable String id, Authentication caller) {
    return choose(id, caller, supports::withdraw);
  }

  /** How {@link Supports} records a citizen's choice: to support, or to withdraw. */
  @FunctionalInterface
  private interface Choice {
    void record(
        CitizenId citizen,
        ProposalId proposal,
        ConsultationFormat format,
        ConsultationPhase phase,
        Instant at);
  }

  /** Records the caller's choice and answers the count and their support once it shows it. */
  private SupportAnswer choose(String id, Authentication caller, Choice choice) {
    Target target = target(id);
    CitizenId citizen = citizen(caller);
    ProducedEvents.Captured<Object> recorded =
        readYourWrites.capturing(
            () -> {
              choice.record(
                  citizen,
                  target.proposal().id(),
                  target.consultation().content().format(),
                  target.consultation().phase(),
                  clock.instant());
              return null;
            },
            ProposalProjection.NAME);
    return SupportAnswer.of(
        reread(target.proposal().id()),
        supports.supportedBy(citizen, target.proposal().id()),
        stamps.ofLast(recorded.events()));
  }

  /**
   * Rates a feedback item with {@code stars} 1 to 5 (else 400), or changes the caller's rating
   * while the consultation is open (409 {@code RATINGS_CLOSED} otherwise, {@code
   * NOT_A_FEEDBACK_CONSULTATION} for a citizen's proposal); an unknown item 404.
   */
  @PutMapping("/api/v1/proposals/{id}/rating")
  @Refusals(409)
  public RatingAnswer rate(
      @PathVariable String id, @Valid @RequestBody RatingInput input, Authentication caller) {
    Target target = target(id);
    CitizenId citizen = citizen(caller);
    ProducedEvents.Captured<Object> recorded =
        readYourWrites.capturing(
            () -> {
              supports.rate(
                  citizen,
                  target.proposal().id(),
                  target.consultation().content().format(),
                  target.consultation().phase(),
                  input.stars(),
                  clock.instant());
              return null;
            },
            ProposalProjection.NAME);
    ProposalView view = reread(target.proposal().id());
    OptionalInt stars = supports.starsOf(citizen, view.id());
    return RatingAnswer.of(view.tally().ratings(), stars.isPresent() ? stars.getAsInt() : null)
        .stamped(stamps.ofLast(recorded.events()));
  }

  /** A proposal and the consultation it belongs to, as their read models show them. */
  private record Target(ProposalView proposal, ConsultationView consultation) {}

  private Target target(String id) {
    if (!ProposalId.wellFormed(id)) {
      throw new NotFound();
    }
    ProposalView proposal = find(new ProposalId(id));
    // a proposal's consultation is always in the read model; should it not be, answer 404
    ConsultationView consultation =
        Answers.of(
                queries.query(
                    new FindConsultation(proposal.consultation()),
                    ResponseTypes.optionalInstanceOf(ConsultationView.class)))
            .orElseThrow(NotFound::new);
    return new Target(proposal, consultation);
  }

  /** The proposal once its read model shows every support stored so far (see {@link CaughtUp}). */
  private ProposalView reread(ProposalId id) {
    caughtUp.await();
    return find(id);
  }

  private ProposalView find(ProposalId id) {
    return Answers.of(
            queries.query(
                new FindProposal(id), ResponseTypes.optionalInstanceOf(ProposalView.class)))
        .orElseThrow(NotFound::new);
  }

  private static CitizenId citizen(Authentication caller) {
    return new CitizenId(Actor.of(caller).id());
  }
}
