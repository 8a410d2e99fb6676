package de.rathaus.api.participation;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.api.shared.NotFound;
import de.rathaus.domain.participation.SustainabilityGoal;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 17 UN Sustainable Development Goals, which consultations name by their number: a fixed list
 * everyone reads, with the official short names in German or English by {@code Accept-Language}.
 * Nobody edits it; it is the same on every instance and never changes.
 */
@RestController
@RequestMapping("/api/v1/sustainability-goals")
public class SustainabilityGoalController {

  /**
   * A sustainability goal in one language.
   *
   * @param number 1 to 17, as the UN counts them
   * @param code the goal's short code, {@code sdg-<number>}
   */
  record GoalResource(int number, String code, String name) {

    static GoalResource of(SustainabilityGoal goal, String language) {
      return new GoalResource(goal.number(), goal.code(), goal.title().in(language));
    }
  }

  /**
   * All 17 goals, by number, in the shape of every list: the list is short and fixed, so it has a
   * single page and {@code next} is always {@code null}.
   */
  record GoalList(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<GoalResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  private static String language() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  @GetMapping
  @SecurityRequirements
  public GoalList list() {
    return new GoalList(
        Arrays.stream(SustainabilityGoal.values())
            .map(goal -> GoalResource.of(goal, language()))
            .toList(),
        null);
  }

  /** One goal by its number; a number the UN does not count (or no number at all) is 404. */
  @GetMapping("/{number}")
  @SecurityRequirements
  public GoalResource get(@PathVariable String number) {
    return parsed(number)
        .flatMap(SustainabilityGoal::numbered)
        .map(goal -> GoalResource.of(goal, language()))
        .orElseThrow(NotFound::new);
  }

  private static Optional<Integer> parsed(String number) {
    if (number == null || !number.matches("[0-9]{1,2}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(number));
  }
}
