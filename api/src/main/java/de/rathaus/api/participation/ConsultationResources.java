package de.rathaus.api.participation;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.api.shared.Choices;
import de.rathaus.api.shared.OneOf;
import de.rathaus.api.shared.PlausibleDate;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.SustainabilityGoal;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The shapes of the consultations' HTTP bodies. */
public final class ConsultationResources {

  private ConsultationResources() {}

  /**
   * A field the body does not have is refused rather than ignored: a misspelt {@code votingEndsAt}
   * would otherwise drop the voting phase without a word.
   */
  static void refuseUnknown(String name) {
    // Jackson reports it as a body it cannot read: a 400 problem that quotes nothing sent
    throw new IllegalArgumentException("The body has a field it does not take");
  }

  /**
   * A consultation as it is read, its texts in the caller's language.
   *
   * @param id {@code consultation-} and a UUID
   * @param sustainabilityGoals the numbers (1–17) of the UN goals it contributes to
   * @param department the organising department's code; absent if none is named
   * @param votingEndsAt absent if it has no voting phase by date
   * @param phases each phase it entered after the draft, with when, in order
   * @param summary the published result summary, once the results are published
   */
  public record ConsultationResource(
      String id,
      String title,
      String description,
      String actionField,
      List<Integer> sustainabilityGoals,
      String department,
      @OneOf(ConsultationFormat.class) String format,
      @OneOf(ConsultationPhase.class) String phase,
      Instant opensAt,
      Instant closesAt,
      Instant votingEndsAt,
      Integer supportThreshold,
      Integer answerDeadlineDays,
      Instant draftedAt,
      List<PhaseResource> phases,
      String summary) {

    /** A consultation just drafted, as the command said, for when the read model is behind. */
    static ConsultationResource drafted(
        ConsultationId id, ConsultationContent content, Instant at, String language) {
      return of(
          new ConsultationView(id, content, ConsultationPhase.DRAFT, at, List.of(), null, 0),
          language);
    }

    public static ConsultationResource of(ConsultationView view, String language) {
      ConsultationContent content = view.content();
      return new ConsultationResource(
          view.id().value(),
          content.title().in(language),
          content.description().in(language),
          content.actionField().value(),
          content.sustainabilityGoals().stream().map(SustainabilityGoal::number).toList(),
          content.department() == null ? null : content.department().value(),
          content.format().name(),
          view.phase().name(),
          content.opensAt(),
          content.closesAt(),
          content.votingEndsAt(),
          content.supportThreshold(),
          content.answerDeadlineDays(),
          view.draftedAt(),
          view.phases().stream()
              .map(entry -> new PhaseResource(entry.phase().name(), entry.at()))
              .toList(),
          view.summary() == null ? null : view.summary().in(language));
    }
  }

  /** A phase a consultation entered, and when. */
  record PhaseResource(@OneOf(ConsultationPhase.class) String phase, Instant at) {}

  /**
   * A page of consultations, those opening last first.
   *
   * @param next the relative URL of the next page, or {@code null} on the last one
   */
  record ConsultationPage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ConsultationResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  /** A consultation's title: German, the official language, and optionally English. */
  public record Title(@NotBlank @Size(max = 200) String de, @Size(max = 200) String en) {
    LocalizedText toDomain() {
      return new LocalizedText(de, en);
    }

    @JsonAnySetter
    void unknown(String name, Object value) {
      refuseUnknown(name);
    }
  }

  /** A longer text (a description, a result summary): German, and optionally English. */
  public record ConsultationText(
      @NotBlank @Size(max = 10_000) String de, @Size(max = 10_000) String en) {
    LocalizedText toDomain() {
      return new LocalizedText(de, en);
    }

    @JsonAnySetter
    void unknown(String name, Object value) {
      refuseUnknown(name);
    }
  }

  /**
   * What an administrator sends to draft a consultation or to save a draft.
   *
   * @param sustainabilityGoals numbers 1–17, each once; absent or empty for none
   * @param format {@code IDEAS} or {@code FEEDBACK}
   * @param votingEndsAt only for {@code IDEAS}: a voting phase from {@code closesAt} to then
   * @param department an active department's code, optional
   * @param supportThreshold only for {@code IDEAS}
   * @param answerDeadlineDays only for {@code IDEAS} and with a support threshold
   */
  public record ConsultationInput(
      @NotNull @Valid Title title,
      @NotNull @Valid ConsultationText description,
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}") String actionField,
      @GoalNumbers @Size(max = 17) List<Integer> sustainabilityGoals,
      @NotBlank @OneOf(value = ConsultationFormat.class, written = OneOf.Written.ANY_CASE)
          String format,
      @NotNull @PlausibleDate Instant opensAt,
      @NotNull @PlausibleDate Instant closesAt,
      @PlausibleDate Instant votingEndsAt,
      @Pattern(regexp = "[a-z][a-z0-9-]{1,62}") String department,
      @Positive @Max(1_000_000) Integer supportThreshold,
      @Positive @Max(3_650) Integer answerDeadlineDays) {

    @JsonAnySetter
    void unknown(String name, Object value) {
      refuseUnknown(name);
    }

    ConsultationContent toContent() {
      return new ConsultationContent(
          title.toDomain(),
          description.toDomain(),
          new ActionFieldCode(actionField),
          sustainabilityGoals == null
              ? List.of()
              : sustainabilityGoals.stream()
                  .map(number -> SustainabilityGoal.numbered(number).orElseThrow())
                  .toList(),
          department == null ? null : new DepartmentCode(department),
          Choices.of(ConsultationFormat.class, "format", format),
          opensAt,
          closesAt,
          votingEndsAt,
          supportThreshold,
          answerDeadlineDays);
    }
  }

  /** The phases an administrator may move a consultation to (a draft is never moved back to). */
  enum PhaseTarget {
    OPEN,
    VOTING,
    CLOSED,
    RESULTS_PUBLISHED
  }

  /**
   * An administrator's phase move.
   *
   * @param summary the result summary: required with {@code RESULTS_PUBLISHED}, refused otherwise
   */
  record PhaseInput(
      @NotBlank @OneOf(value = PhaseTarget.class, written = OneOf.Written.ANY_CASE) String phase,
      @Valid ConsultationText summary) {

    @JsonAnySetter
    void unknown(String name, Object value) {
      refuseUnknown(name);
    }

    ConsultationPhase target() {
      return ConsultationPhase.valueOf(Choices.of(PhaseTarget.class, "phase", phase).name());
    }
  }
}
