package de.rathaus.api.portal;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Role;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.Supports;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.shared.CitizenId;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * What the visitor of a participation page may do there, and what they chose so far: the forms
 * shown are those the domain's phase rules allow (the same rules the API's commands check; the
 * command stays the judge), to a citizen; an anonymous visitor is offered to sign in instead, a
 * member of staff neither (they take no part as citizens).
 *
 * @param who {@code anonymous}, {@code citizen} or {@code staff}
 * @param propose whether proposals are taken (an ideas consultation while it is open)
 * @param support whether supports are given and withdrawn (an ideas consultation, open or voting)
 * @param supported whether the citizen's support stands
 * @param rate whether the item is rated (a feedback consultation's item while it is open)
 * @param myStars the citizen's stars for the item, or {@code null}
 * @param comment whether comments are taken (ideas open or voting, feedback open; not hidden)
 */
record PortalTaking(
    String who,
    boolean propose,
    boolean support,
    boolean supported,
    boolean rate,
    Integer myStars,
    boolean comment) {

  /** Whether anything at all can be done on the page in its phase. */
  public boolean anything() {
    return propose || support || rate || comment;
  }

  public boolean citizen() {
    return "citizen".equals(who);
  }

  public boolean anonymous() {
    return "anonymous".equals(who);
  }

  /** On a consultation's page: only proposing. */
  static PortalTaking onConsultation(ConsultationView consultation, Authentication caller) {
    return new PortalTaking(who(caller), proposing(consultation), false, false, false, null, false);
  }

  /** On a proposal's (or an item's) page: supports, ratings and comments. */
  static PortalTaking onProposal(
      ProposalView proposal,
      ConsultationView consultation,
      Authentication caller,
      Supports supports) {
    String who = who(caller);
    ConsultationFormat format = consultation.content().format();
    ConsultationPhase phase = consultation.phase();
    boolean ideas = format == ConsultationFormat.IDEAS;
    boolean openOrVoting = phase == ConsultationPhase.OPEN || phase == ConsultationPhase.VOTING;
    boolean support = ideas && !proposal.feedbackItem() && openOrVoting;
    boolean rate = !ideas && proposal.feedbackItem() && phase == ConsultationPhase.OPEN;
    boolean comment =
        !proposal.hidden() && (ideas ? openOrVoting : phase == ConsultationPhase.OPEN);
    boolean supported = false;
    Integer stars = null;
    Optional<CitizenId> citizen = citizen(caller);
    if (citizen.isPresent() && support) {
      supported = supports.supportedBy(citizen.get(), proposal.id());
    }
    if (citizen.isPresent() && proposal.feedbackItem()) {
      OptionalInt given = supports.starsOf(citizen.get(), proposal.id());
      stars = given.isPresent() ? given.getAsInt() : null;
    }
    return new PortalTaking(who, false, support, supported, rate, stars, comment);
  }

  /** Proposals are taken by an ideas consultation while it is open. */
  static boolean proposing(ConsultationView consultation) {
    return consultation.content().format() == ConsultationFormat.IDEAS
        && consultation.phase() == ConsultationPhase.OPEN;
  }

  static Optional<CitizenId> citizen(Authentication caller) {
    if (caller == null
        || !caller.isAuthenticated()
        || caller instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return Actor.find(caller)
        .filter(actor -> actor.role() == Role.CITIZEN)
        .map(actor -> new CitizenId(actor.id()));
  }

  private static String who(Authentication caller) {
    if (caller == null
        || !caller.isAuthenticated()
        || caller instanceof AnonymousAuthenticationToken) {
      return "anonymous";
    }
    return citizen(caller).isPresent() ? "citizen" : "staff";
  }
}
