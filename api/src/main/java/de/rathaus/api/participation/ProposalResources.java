package de.rathaus.api.participation;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.api.participation.CommentResources.CommentResource;
import de.rathaus.api.participation.CommentResources.ModerationResource;
import de.rathaus.api.transparency.LogStamps;
import de.rathaus.application.participation.AnswerDuty;
import de.rathaus.application.participation.AnswerEntry;
import de.rathaus.application.participation.ConsultationResults;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.RatingSummary;
import de.rathaus.domain.participation.AnswerReasoning;
import de.rathaus.domain.participation.AnswerStatus;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ProposalContent;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shapes of the proposals' HTTP bodies. */
public final class ProposalResources {

  private ProposalResources() {}

  /** How a consultation's proposals are ordered: newest first, or most supported first. */
  enum ProposalOrder {
    NEWEST,
    SUPPORTS
  }

  /**
   * Where a proposal is about: WGS 84 coordinates and optionally an address.
   *
   * @param address personal data: shown to the author only
   */
  public record LocationInput(
      @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
      @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
      @Size(max = 500) String address) {

    Location toDomain() {
      return new Location(lat, lon, address);
    }

    @JsonAnySetter
    void unknown(String name, Object value) {
      ConsultationResources.refuseUnknown(name);
    }
  }

  /**
   * What a citizen sends to propose something, or to save a new version of their proposal.
   *
   * @param displayName the name the proposal appears under (the author chooses it; never their
   *     account)
   * @param location where it is about, optional
   */
  public record ProposalInput(
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 10_000) String text,
      @Valid LocationInput location,
      @NotBlank @Size(max = 100) String displayName) {

    @JsonAnySetter
    void unknown(String name, Object value) {
      ConsultationResources.refuseUnknown(name);
    }

    ProposalContent toContent() {
      return new ProposalContent(
          displayName.strip(),
          title.strip(),
          text.strip(),
          location == null ? null : location.toDomain());
    }

    /** Without what the citizen wrote. */
    @Override
    public String toString() {
      return "ProposalInput[personal data]";
    }
  }

  /**
   * Where a proposal is about, as the public sees it: the coordinates; the address only for the
   * author.
   */
  record LocationResource(
      double lat, double lon, @JsonInclude(JsonInclude.Include.NON_NULL) String address) {}

  /**
   * A proposal as it is read. Never names its author's account. A hidden proposal reads, for
   * everyone but its author, as a stub: its id, consultation, creation date, {@code hidden} and the
   * {@code moderation} (the public reason), without title, text, display name, location or
   * comments.
   *
   * @param id {@code proposal-} and a UUID
   * @param displayName the name its author chose to appear under
   * @param location where it is about (the address only for its author), or absent
   * @param edited whether its author edited it after submitting it
   * @param editedAt when it was last edited, or {@code null}
   * @param mine whether the caller is its author
   * @param supports how many citizens support it (0 for a feedback item)
   * @param supportedByMe whether the caller's support stands
   * @param rating how a feedback item was rated; absent for a citizen's proposal
   * @param comments its visible comments and replies in the order written (in a single proposal's
   *     read; a list leaves them out)
   * @param commentCount how many visible comments and replies it has
   * @param hidden whether a moderator hid it
   * @param moderation why and since when it is hidden; absent while it is not
   * @param answer the city's answer in force; absent before it answered
   * @param answerHistory every answer the city gave, oldest first, each with its date
   * @param answerDue by when the city must answer (its supports reached the consultation's
   *     threshold), or {@code null} if no deadline runs
   * @param answerOverdue whether that date passed without an answer
   */
  public record ProposalResource(
      String id,
      String consultationId,
      String title,
      String text,
      String displayName,
      @JsonInclude(JsonInclude.Include.NON_NULL) LocationResource location,
      Instant createdAt,
      boolean edited,
      @JsonInclude(JsonInclude.Include.ALWAYS) Instant editedAt,
      boolean mine,
      // --- supports and ratings
      long supports,
      boolean supportedByMe,
      @JsonInclude(JsonInclude.Include.NON_NULL) SupportResources.RatingAnswer rating,
      // --- comments and moderation
      @JsonInclude(JsonInclude.Include.NON_NULL) List<CommentResource> comments,
      int commentCount,
      boolean hidden,
      @JsonInclude(JsonInclude.Include.NON_NULL) ModerationResource moderation,
      // --- the city's answers
      CityAnswerResource answer,
      List<CityAnswerResource> answerHistory,
      @JsonInclude(JsonInclude.Include.ALWAYS) Instant answerDue,
      boolean answerOverdue,
      // --- tamper evidence: in the answer to a submission only
      @JsonInclude(JsonInclude.Include.NON_NULL) Long position,
      @JsonInclude(JsonInclude.Include.NON_NULL) String leafHash) {

    /** The same, with the place of the proposal's submission in the tamper-evident log. */
    ProposalResource stamped(Optional<LogStamps.Stamp> at) {
      return new ProposalResource(
          id,
          consultationId,
          title,
          text,
          displayName,
          location,
          createdAt,
          edited,
          editedAt,
          mine,
          supports,
          supportedByMe,
          rating,
          comments,
          commentCount,
          hidden,
          moderation,
          answer,
          answerHistory,
          answerDue,
          answerOverdue,
          at.map(LogStamps.Stamp::position).orElse(null),
          at.map(LogStamps.Stamp::leafHash).orElse(null));
    }

    /** As a list shows it: without its comments (their count is there). */
    static ProposalResource of(
        ProposalView view, boolean mine, SupportResources.Own own, Instant now) {
      return of(view, mine, own, null, now);
    }

    /**
     * As the public saw it at a moment (auditors' view as of then): with its visible comments,
     * nobody's own, its answer deadline judged at that moment.
     */
    public static ProposalResource asThePublicSawIt(ProposalView view, Instant moment) {
      return withComments(view, false, SupportResources.Own.NONE, Optional.empty(), moment);
    }

    /** As a single read shows it: with its visible comments, {@code mine} for the caller's own. */
    static ProposalResource withComments(
        ProposalView view,
        boolean mine,
        SupportResources.Own own,
        Optional<CitizenId> caller,
        Instant now) {
      return of(view, mine, own, CommentResource.of(view.visibleComments(), caller), now);
    }

    private static ProposalResource of(
        ProposalView view,
        boolean mine,
        SupportResources.Own own,
        List<CommentResource> comments,
        Instant now) {
      if (view.hidden() && !mine) {
        // the stub: that it is hidden and why, its counts; nothing its author wrote
        return new ProposalResource(
            view.id().value(),
            view.consultation().value(),
            null,
            null,
            null,
            null,
            view.submittedAt(),
            false,
            null,
            false,
            view.tally().supports(),
            own.supported(),
            null,
            comments == null ? null : List.of(),
            0,
            true,
            ModerationResource.of(view.moderation()),
            null,
            List.of(),
            null,
            false,
            null,
            null);
      }
      Location place = view.location();
      return new ProposalResource(
          view.id().value(),
          view.consultation().value(),
          view.title(),
          view.text(),
          view.displayName(),
          place == null
              ? null
              : new LocationResource(place.lat(), place.lon(), mine ? place.address() : null),
          view.submittedAt(),
          view.edited(),
          view.editedAt(),
          mine,
          view.tally().supports(),
          own.supported(),
          view.feedbackItem()
              ? SupportResources.RatingAnswer.of(view.tally().ratings(), own.stars())
              : null,
          comments,
          view.visibleComments().size(),
          view.hidden(),
          ModerationResource.of(view.moderation()),
          CityAnswerResource.of(view.answer()),
          view.answers().entries().stream().map(CityAnswerResource::of).toList(),
          view.answerDue(),
          view.answerDuty(now) == AnswerDuty.OVERDUE,
          null,
          null);
    }

    /** Without what the author wrote. */
    @Override
    public String toString() {
      return "ProposalResource[id=" + id + ", personal data]";
    }
  }

  /**
   * One of the city's answers to a proposal, public and dated.
   *
   * @param status {@code ACCEPTED}, {@code REJECTED}, {@code IN_IMPLEMENTATION} or {@code
   *     IMPLEMENTED}
   * @param reasoning the city's reasons in German
   * @param at when the city gave it
   * @param reasoningEnglish the same reasons in English, or {@code null} where the city gave none
   */
  record CityAnswerResource(
      AnswerStatus status, String reasoning, Instant at, String reasoningEnglish) {

    static CityAnswerResource of(AnswerEntry entry) {
      return entry == null
          ? null
          : new CityAnswerResource(
              entry.status(), entry.reasoning(), entry.at(), entry.reasoningEnglish());
    }
  }

  /**
   * What an administrator sends to answer a proposal for the city, or to update the answer.
   *
   * @param reasoning the city's reasons in German: public (name no one in it)
   * @param reasoningEnglish the same reasons in English for residents who read no German, or absent
   */
  public record CityAnswerInput(
      @NotNull AnswerStatus status,
      @NotBlank @Size(max = 10_000) String reasoning,
      @Size(max = 10_000) String reasoningEnglish) {

    /** The reasons as the city gave them, stripped; a blank English text is none. */
    AnswerReasoning answerReasoning() {
      String english = reasoningEnglish == null ? null : reasoningEnglish.strip();
      return new AnswerReasoning(
          reasoning.strip(), english == null || english.isEmpty() ? null : english);
    }

    @JsonAnySetter
    void unknown(String name, Object value) {
      ConsultationResources.refuseUnknown(name);
    }
  }

  /**
   * A page of a consultation's proposals, newest first.
   *
   * @param next the relative URL of the next page, or {@code null} on the last one
   */
  record ProposalPage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ProposalResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  /**
   * What came of a consultation so far, for everyone to read: each proposal with the city's answer
   * and where its duty to answer stands, and the city's accountability in figures. Final once the
   * consultation's results are published.
   *
   * @param published whether the consultation's results are published (the figures no longer change
   *     but for later answers)
   * @param at the instant the answer deadlines were judged at (now)
   * @param answeredShare the share of proposals answered (0 to 1), {@code null} without proposals
   * @param withAnswerDeadline the proposals that reached the support threshold where the
   *     consultation sets an answer deadline
   * @param answeredInTimeShare the share of those answered by their deadline, {@code null} if none
   * @param overdue how many wait for an answer past their deadline
   * @param ratings a feedback consultation's ratings over all its items (average and 1–5
   *     distribution); absent for an ideas consultation
   */
  record ResultsResource(
      String consultationId,
      ConsultationPhase phase,
      boolean published,
      Instant at,
      int proposalCount,
      int answered,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double answeredShare,
      int withAnswerDeadline,
      int answeredInTime,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double answeredInTimeShare,
      int overdue,
      RatingResult ratings,
      List<ProposalResult> proposals) {

    static ResultsResource of(ConsultationView consultation, ConsultationResults results) {
      return new ResultsResource(
          consultation.id().value(),
          consultation.phase(),
          consultation.phase() == ConsultationPhase.RESULTS_PUBLISHED,
          results.at(),
          results.proposals().size(),
          results.answered(),
          results.answeredShare(),
          results.withDeadline(),
          results.answeredInTime(),
          results.answeredInTimeShare(),
          results.overdue(),
          RatingResult.of(results.ratings()),
          results.proposals().stream().map(ProposalResult::of).toList());
    }
  }

  /**
   * One proposal's result.
   *
   * @param answer the city's answer in force; absent before it answered
   * @param answerDue by when the city must answer, or {@code null} if no deadline runs
   * @param answerDuty {@code NONE}, {@code DUE}, {@code OVERDUE}, {@code ANSWERED_IN_TIME} or
   *     {@code ANSWERED_LATE}
   */
  record ProposalResult(
      String id,
      String title,
      String displayName,
      long supports,
      RatingResult rating,
      int commentCount,
      CityAnswerResource answer,
      @JsonInclude(JsonInclude.Include.ALWAYS) Instant answerDue,
      AnswerDuty answerDuty) {

    static ProposalResult of(ConsultationResults.Result result) {
      ProposalView view = result.proposal();
      return new ProposalResult(
          view.id().value(),
          view.title(),
          view.displayName(),
          view.tally().supports(),
          RatingResult.of(view.tally().ratings()),
          view.visibleComments().size(),
          CityAnswerResource.of(view.answer()),
          view.answerDue(),
          result.duty());
    }

    /** Without what the author wrote. */
    @Override
    public String toString() {
      return "ProposalResult[id=" + id + ", personal data]";
    }
  }

  /**
   * How an item, or all items of a feedback consultation, were rated: the average (absent without
   * ratings), how many ratings, and how many gave 1 to 5 stars.
   */
  record RatingResult(
      @JsonInclude(JsonInclude.Include.ALWAYS) Double average,
      long ratings,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Long> distribution) {

    static RatingResult of(RatingSummary summary) {
      if (summary == null) {
        return null;
      }
      Map<String, Long> distribution = new LinkedHashMap<>();
      for (int stars = 1; stars <= summary.distribution().size(); stars++) {
        distribution.put(String.valueOf(stars), summary.distribution().get(stars - 1));
      }
      return new RatingResult(summary.average(), summary.count(), distribution);
    }
  }

  /** What an {@code Idempotency-Key} keeps of a submission: its id only, nothing personal. */
  record Created(String id) {}
}
