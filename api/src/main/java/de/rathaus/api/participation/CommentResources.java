package de.rathaus.api.participation;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.api.shared.Choices;
import de.rathaus.api.shared.OneOf;
import de.rathaus.application.participation.CommentView;
import de.rathaus.application.participation.ModerationLogEntry;
import de.rathaus.application.participation.ModerationState;
import de.rathaus.domain.participation.CommentContent;
import de.rathaus.domain.participation.ModerationAction;
import de.rathaus.domain.shared.CitizenId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The shapes of the HTTP bodies of comments, moderation and the moderation log. */
public final class CommentResources {

  private CommentResources() {}

  /**
   * What a citizen sends to comment on a proposal or to reply to one of its top-level comments.
   *
   * @param displayName the name the comment appears under (the citizen chooses it; never their
   *     account)
   * @param parentId the top-level comment replied to; absent for a comment of its own
   */
  public record CommentInput(
      @NotBlank @Size(max = 5_000) String text,
      @NotBlank @Size(max = 100) String displayName,
      @Size(max = 100) String parentId) {

    @JsonAnySetter
    void unknown(String name, Object value) {
      ConsultationResources.refuseUnknown(name);
    }

    CommentContent toContent() {
      return new CommentContent(displayName.strip(), text.strip());
    }

    /** Without what the citizen wrote. */
    @Override
    public String toString() {
      return "CommentInput[personal data]";
    }
  }

  /**
   * A visible comment or reply. Never names its author's account.
   *
   * @param parentId the top-level comment it replies to, {@code null} for a comment of its own
   * @param mine whether the caller wrote it
   */
  record CommentResource(
      String id,
      @JsonInclude(JsonInclude.Include.ALWAYS) String parentId,
      String text,
      String displayName,
      Instant createdAt,
      boolean mine) {

    static CommentResource of(CommentView view, Optional<CitizenId> caller) {
      return new CommentResource(
          view.id().value(),
          view.parent() == null ? null : view.parent().value(),
          view.text(),
          view.displayName(),
          view.createdAt(),
          caller.map(view.author()::equals).orElse(false));
    }

    static List<CommentResource> of(List<CommentView> views, Optional<CitizenId> caller) {
      return views.stream().map(view -> of(view, caller)).toList();
    }

    /** Without what the citizen wrote. */
    @Override
    public String toString() {
      return "CommentResource[id=" + id + ", personal data]";
    }
  }

  /**
   * Why and since when a proposal is hidden (present only while it is).
   *
   * @param reason the moderator's public reason
   */
  record ModerationResource(String reason, Instant at) {

    static ModerationResource of(ModerationState state) {
      return state.hidden() ? new ModerationResource(state.reason(), state.at()) : null;
    }
  }

  /**
   * A moderator's (or an administrator's) decision on a proposal or one of its comments.
   *
   * @param reason why, public in the moderation log
   * @param commentId the comment moderated; absent for the proposal itself
   */
  public record ModerationInput(
      @NotBlank @OneOf(value = ModerationAction.class, written = OneOf.Written.ANY_CASE)
          String action,
      @NotBlank @Size(max = 1_000) String reason,
      @Size(max = 100) String commentId) {

    @JsonAnySetter
    void unknown(String name, Object value) {
      ConsultationResources.refuseUnknown(name);
    }

    ModerationAction toAction() {
      return Choices.of(ModerationAction.class, "action", action);
    }
  }

  /**
   * One entry of a consultation's public moderation log: what kind of content was hidden or
   * restored, when, why and in which role. Never the content, never who moderated.
   *
   * @param commentId the comment moderated, {@code null} when the proposal was
   * @param role in which role it was done
   */
  record ModerationLogEntryResource(
      @OneOf(ModerationLogEntry.Kind.class) String kind,
      @OneOf(ModerationLogEntry.Action.class) String action,
      String proposalId,
      @JsonInclude(JsonInclude.Include.ALWAYS) String commentId,
      String reason,
      Instant at,
      @OneOf(de.rathaus.domain.participation.ModeratorRole.class) String role) {

    static ModerationLogEntryResource of(ModerationLogEntry entry) {
      return new ModerationLogEntryResource(
          entry.kind().name(),
          entry.action().name(),
          entry.proposal().value(),
          entry.comment() == null ? null : entry.comment().value(),
          entry.reason(),
          entry.at(),
          entry.role().name());
    }
  }

  /**
   * A page of a consultation's moderation log, newest first.
   *
   * @param next the relative URL of the next page, or {@code null} on the last one
   */
  record ModerationLogPage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ModerationLogEntryResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  /** What an {@code Idempotency-Key} keeps of a comment: its id only, nothing personal. */
  record Created(String id) {}
}
