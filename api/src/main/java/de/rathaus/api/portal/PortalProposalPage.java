package de.rathaus.api.portal;

import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ModerationLogEntry;
import de.rathaus.application.participation.ModerationLogPage;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.Supports;
import de.rathaus.application.shared.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;

/**
 * What a proposal's page shows: the proposal as the public reads it ({@link PortalPublicViews}),
 * and what its visitor may do there ({@link PortalTaking}). Both the public page and the answers of
 * the citizen's forms that show it again (an error, a refusal) fill it here.
 */
final class PortalProposalPage {

  private PortalProposalPage() {}

  static void fill(
      Model model,
      PortalParticipation participation,
      Supports supports,
      ProposalView proposal,
      ConsultationView consultation,
      Authentication caller,
      Instant now) {
    model.addAttribute(
        "proposal",
        PortalPublicViews.detail(
            proposal,
            consultation,
            moderationLog(participation, consultation),
            now,
            PortalPage.language()));
    model.addAttribute("taking", PortalTaking.onProposal(proposal, consultation, caller, supports));
    // the comment form's own id: the same form sent twice is the same comment
    model.addAttribute("formular", java.util.UUID.randomUUID().toString());
  }

  /** The whole public moderation log of a consultation, newest first (for a proposal's page). */
  private static List<ModerationLogEntry> moderationLog(
      PortalParticipation participation, ConsultationView consultation) {
    List<ModerationLogEntry> entries = new ArrayList<>();
    String cursor = null;
    do {
      ModerationLogPage page =
          participation.moderationLog(consultation.id(), cursor, Page.MAX_SIZE);
      entries.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    return entries;
  }
}
