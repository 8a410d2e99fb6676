package de.rathaus.api.participation;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.Role;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.FindConsultation;
import de.rathaus.application.participation.FindProposal;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.shared.Answers;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.shared.CitizenId;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;

/**
 * The reads the comment and moderation endpoints share: a proposal or consultation named in a path
 * (404 if unknown, a draft consultation 404 except to administrators), and who the caller is to
 * them.
 */
final class ProposalReads {

  private final QueryGateway queries;

  ProposalReads(QueryGateway queries) {
    this.queries = queries;
  }

  /** The proposal named in the path; an id of another form names none (404). */
  ProposalView proposal(String id) {
    if (!ProposalId.wellFormed(id)) {
      throw new NotFound();
    }
    return find(new ProposalId(id)).orElseThrow(NotFound::new);
  }

  Optional<ProposalView> find(ProposalId id) {
    return Answers.of(
        queries.query(new FindProposal(id), ResponseTypes.optionalInstanceOf(ProposalView.class)));
  }

  /** A proposal's consultation; always in the read model, but should it not be, 404, never 500. */
  ConsultationView consultationOf(ProposalView proposal) {
    return findConsultation(proposal.consultation()).orElseThrow(NotFound::new);
  }

  /** The consultation named in the path; a draft only for administrators (404 otherwise). */
  ConsultationView visibleConsultation(String id, Authentication caller) {
    if (!ConsultationId.wellFormed(id)) {
      throw new NotFound();
    }
    ConsultationView view = findConsultation(new ConsultationId(id)).orElseThrow(NotFound::new);
    if (!view.phase().isPublic() && role(caller).orElse(null) != Role.ADMIN) {
      throw new NotFound();
    }
    return view;
  }

  private Optional<ConsultationView> findConsultation(ConsultationId id) {
    return Answers.of(
        queries.query(
            new FindConsultation(id), ResponseTypes.optionalInstanceOf(ConsultationView.class)));
  }

  /** The signed-in citizen calling, if the caller is one. */
  static Optional<CitizenId> citizen(Authentication caller) {
    return signedIn(caller)
        .filter(actor -> actor.role() == Role.CITIZEN)
        .map(actor -> new CitizenId(actor.id()));
  }

  static Optional<Role> role(Authentication caller) {
    return signedIn(caller).map(Actor::role);
  }

  private static Optional<Actor> signedIn(Authentication caller) {
    return caller != null && caller.isAuthenticated() ? Actor.find(caller) : Optional.empty();
  }
}
