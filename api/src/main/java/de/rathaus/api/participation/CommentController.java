package de.rathaus.api.participation;

import de.rathaus.api.participation.CommentResources.CommentInput;
import de.rathaus.api.participation.CommentResources.CommentResource;
import de.rathaus.api.participation.CommentResources.Created;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Idempotency;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ProposalProjection;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.PostComment;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalRuleViolation;
import de.rathaus.domain.shared.CitizenId;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Comments on proposals: a citizen comments, or replies to a top-level comment ({@code parentId};
 * one level deep), while the consultation takes comments (an ideas consultation open or in voting,
 * a feedback consultation open). The comment appears under the name the citizen chose; the public
 * reads it with the proposal ({@code GET /api/v1/proposals/{id}}). It answers once the proposals'
 * read model shows it.
 */
@RestController
public class CommentController {

  private final CommandGateway commands;
  private final ProposalReads reads;
  private final ReadYourWrites readYourWrites;
  private final Idempotency idempotency;
  private final Clock clock;

  public CommentController(
      CommandGateway commands,
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      Idempotency idempotency,
      Clock clock) {
    this.commands = commands;
    this.reads = new ProposalReads(queries);
    this.readYourWrites = readYourWrites;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  /**
   * Comments on a proposal, or replies to one of its top-level comments: 201 with the comment
   * ({@code mine} true) and a {@code Location} of the proposal whose fragment is the comment's id.
   * A consultation not taking comments, or a hidden proposal or comment, is 409 with the rule's
   * {@code code}; a {@code parentId} that names no comment of the proposal, or a reply, is 422
   * naming {@code parentId} and the rule. With an {@code Idempotency-Key} a repeat of the same body
   * answers the same comment and records none.
   */
  @PostMapping("/api/v1/proposals/{id}/comments")
  @ResponseStatus(HttpStatus.CREATED)
  @Refusals({409, 422})
  public ResponseEntity<CommentResource> comment(
      @PathVariable String id,
      @Valid @RequestBody CommentInput input,
      @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
      Authentication caller) {
    ProposalView proposal = reads.proposal(id);
    ConsultationView consultation = reads.consultationOf(proposal);
    CommentId parent = parent(proposal.id(), input.parentId());
    CitizenId author = new CitizenId(Actor.of(caller).id());
    // the key keeps the new comment's id only: what the citizen wrote stays in the read model
    Idempotency.Outcome<Created> outcome =
        idempotency.once(
            author.value(),
            idempotencyKey,
            new Keyed(id, input),
            Created.class,
            uuid -> {
              PostComment command =
                  new PostComment(
                      proposal.id(),
                      CommentId.of(uuid),
                      parent,
                      author,
                      consultation.content().format(),
                      consultation.phase(),
                      input.toContent(),
                      clock.instant());
              readYourWrites.run(() -> commands.sendAndWait(command), ProposalProjection.NAME);
              return new Created(command.comment().value());
            });
    CommentId comment = new CommentId(outcome.answer().id());
    // a comment has no resource of its own: it is read with its proposal, where the fragment names
    // it
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.created(
            URI.create("/api/v1/proposals/" + proposal.id().value() + "#" + comment.value()));
    if (outcome.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    // the author's own comment, also should it have been hidden since (a replay)
    return answer.body(
        reads.find(proposal.id()).stream()
            .flatMap(view -> view.comments().stream())
            .filter(c -> c.id().equals(comment))
            .findFirst()
            .map(c -> CommentResource.of(c, Optional.of(author)))
            .orElseThrow(NotFound::new));
  }

  /** The body of a comment and the proposal it goes to: what an idempotency key covers. */
  record Keyed(String proposal, CommentInput body) {}

  /** A {@code parentId} of another form names no comment: the same refusal as an unknown one. */
  private static CommentId parent(ProposalId proposal, String parentId) {
    if (parentId == null) {
      return null;
    }
    if (!CommentId.wellFormed(parentId)) {
      throw new ProposalRuleViolation(
          proposal,
          ProposalRuleViolation.Code.UNKNOWN_PARENT,
          "A reply names a comment of this proposal");
    }
    return new CommentId(parentId);
  }
}
