package de.rathaus.api.participation;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.api.transparency.LogStamps;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.RatingSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The shapes of the supports' and ratings' HTTP bodies: counts, and the caller's own choice. */
public final class SupportResources {

  private SupportResources() {}

  /**
   * What the caller chose themselves (never anyone else's): whether their support stands, and their
   * stars for an item. Nothing for a caller who is not a citizen.
   *
   * @param stars their stars, or {@code null}
   */
  record Own(boolean supported, Integer stars) {

    static final Own NONE = new Own(false, null);
  }

  /**
   * The answer of a support or its withdrawal.
   *
   * @param supports how many citizens support the proposal
   * @param supportedByMe whether the caller's support stands
   * @param position where this call's event is in the tamper-evident log (absent if the call
   *     changed nothing)
   * @param leafHash that event's leaf hash, base64 (absent likewise)
   */
  record SupportAnswer(
      long supports,
      boolean supportedByMe,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long position,
      @JsonInclude(JsonInclude.Include.NON_NULL) String leafHash) {

    static SupportAnswer of(
        ProposalView view, boolean supportedByMe, Optional<LogStamps.Stamp> stamp) {
      return new SupportAnswer(
          view.tally().supports(),
          supportedByMe,
          stamp.map(LogStamps.Stamp::position).orElse(null),
          stamp.map(LogStamps.Stamp::leafHash).orElse(null));
    }
  }

  /**
   * A citizen's rating of a feedback item.
   *
   * @param stars 1 to 5
   */
  record RatingInput(@NotNull @Min(1) @Max(5) Integer stars) {

    @JsonAnySetter
    void unknown(String name, Object value) {
      ConsultationResources.refuseUnknown(name);
    }
  }

  /**
   * How a feedback item was rated (public), and the caller's own stars.
   *
   * @param average the average stars, or {@code null} without ratings
   * @param ratings how many citizens rated it
   * @param distribution how many gave 1, 2, 3, 4 and 5 stars (keys {@code "1"} to {@code "5"})
   * @param myStars the caller's stars, or {@code null} if they did not rate it (or are no citizen)
   * @param position in the answer to a rating: where its event is in the tamper-evident log (absent
   *     elsewhere, and if the rating changed nothing)
   * @param leafHash likewise, that event's leaf hash, base64
   */
  record RatingAnswer(
      @JsonInclude(JsonInclude.Include.ALWAYS) Double average,
      long ratings,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Long> distribution,
      @JsonInclude(JsonInclude.Include.ALWAYS) Integer myStars,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long position,
      @JsonInclude(JsonInclude.Include.NON_NULL) String leafHash) {

    static RatingAnswer of(RatingSummary summary, Integer myStars) {
      Map<String, Long> distribution = new LinkedHashMap<>();
      for (int stars = 1; stars <= summary.distribution().size(); stars++) {
        distribution.put(String.valueOf(stars), summary.distribution().get(stars - 1));
      }
      return new RatingAnswer(
          summary.average(), summary.count(), distribution, myStars, null, null);
    }

    /** The same, stamped with the rating's place in the log. */
    RatingAnswer stamped(Optional<LogStamps.Stamp> stamp) {
      return new RatingAnswer(
          average,
          ratings,
          distribution,
          myStars,
          stamp.map(LogStamps.Stamp::position).orElse(null),
          stamp.map(LogStamps.Stamp::leafHash).orElse(null));
    }
  }
}
