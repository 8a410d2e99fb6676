package de.rathaus.api.participation;

import de.rathaus.api.participation.CommentResources.ModerationInput;
import de.rathaus.api.participation.CommentResources.ModerationLogEntryResource;
import de.rathaus.api.participation.CommentResources.ModerationLogPage;
import de.rathaus.api.participation.ProposalResources.ProposalResource;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.api.shared.Role;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ListModerationLog;
import de.rathaus.application.participation.ModerationLogProjection;
import de.rathaus.application.participation.ProposalProjection;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.ModerateProposal;
import de.rathaus.domain.participation.ModeratorRole;
import de.rathaus.domain.participation.ProposalRuleViolation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moderation in the open: moderators and administrators hide a proposal or a comment from the
 * public, or restore it, always with a public reason; each consultation's moderation log shows what
 * kind of content was hidden or restored, when, why and in which role, to everyone. Never the
 * hidden text and never who moderated (that stays in the history, for auditors).
 */
@RestController
public class ModerationController {

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final ProposalReads reads;
  private final ReadYourWrites readYourWrites;
  private final Clock clock;

  public ModerationController(
      CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, Clock clock) {
    this.commands = commands;
    this.queries = queries;
    this.reads = new ProposalReads(queries);
    this.readYourWrites = readYourWrites;
    this.clock = clock;
  }

  /**
   * Hides or restores the proposal, or with {@code commentId} one of its comments: 200 with the
   * proposal as the public now reads it (a hidden proposal as its stub). Hiding what is hidden, or
   * restoring what is visible, is 409 ({@code ALREADY_HIDDEN}, {@code NOT_HIDDEN}); a {@code
   * commentId} that names no comment of the proposal is 422 ({@code UNKNOWN_COMMENT}).
   */
  @PostMapping("/api/v1/proposals/{id}/moderation")
  @Refusals({409, 422})
  public ProposalResource moderate(
      @PathVariable String id, @Valid @RequestBody ModerationInput input, Authentication caller) {
    ProposalView proposal = reads.proposal(id);
    CommentId comment = comment(proposal, input.commentId());
    ModerateProposal command =
        new ModerateProposal(
            proposal.id(),
            comment,
            input.toAction(),
            input.reason(),
            moderatorRole(caller),
            clock.instant());
    readYourWrites.run(
        () -> commands.sendAndWait(command), ProposalProjection.NAME, ModerationLogProjection.NAME);
    return reads
        .find(proposal.id())
        .map(
            view ->
                ProposalResource.withComments(
                    view, false, SupportResources.Own.NONE, Optional.empty(), clock.instant()))
        .orElseThrow(NotFound::new);
  }

  /**
   * A consultation's public moderation log, newest first, paged ({@code size} 1–500, default 50;
   * {@code next} the next page or {@code null}). A draft consultation is 404 except to
   * administrators.
   */
  @GetMapping("/api/v1/consultations/{id}/moderation-log")
  @SecurityRequirements
  public ModerationLogPage log(
      @PathVariable String id,
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor,
      Authentication caller) {
    ConsultationView consultation = reads.visibleConsultation(id, caller);
    de.rathaus.application.participation.ModerationLogPage page =
        Answers.of(
            queries.query(
                new ListModerationLog(consultation.id(), cursor, size),
                ResponseTypes.instanceOf(
                    de.rathaus.application.participation.ModerationLogPage.class)));
    return new ModerationLogPage(
        page.items().stream().map(ModerationLogEntryResource::of).toList(),
        PageLinks.next(page.next()));
  }

  /** A {@code commentId} of another form names no comment: the same refusal as an unknown one. */
  private static CommentId comment(ProposalView proposal, String commentId) {
    if (commentId == null) {
      return null;
    }
    if (!CommentId.wellFormed(commentId)) {
      throw new ProposalRuleViolation(
          proposal.id(),
          ProposalRuleViolation.Code.UNKNOWN_COMMENT,
          "A moderation names a comment of this proposal");
    }
    return new CommentId(commentId);
  }

  /** The access rules let only moderators and administrators here. */
  private static ModeratorRole moderatorRole(Authentication caller) {
    Role role = ProposalReads.role(caller).orElseThrow(NotFound::new);
    return switch (role) {
      case MODERATOR -> ModeratorRole.MODERATOR;
      case ADMIN -> ModeratorRole.ADMIN;
      // unreachable while the access rules hold; should they not, refuse rather than fail
      default -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    };
  }
}
