package de.rathaus.api.statistics;

import de.rathaus.api.shared.Problems;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A filter of a statistic that is not valid: 400 naming the field, as every validation. */
@Order(0) // before the catch-all of ApiExceptionHandler
@RestControllerAdvice(assignableTypes = {StatisticsController.class, OpenDataController.class})
class StatisticsProblems {

  private final Problems problems;

  StatisticsProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(StatisticsFilter.InvalidFilter.class)
  ResponseEntity<ProblemDetail> invalidFilter(StatisticsFilter.InvalidFilter e) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "validation", locale);
    problem.setProperty(
        "errors",
        List.of(
            Map.of(
                "field",
                e.field(),
                "message",
                problems.text(e.messageKey(), locale, e.fallback()))));
    return ResponseEntity.badRequest().body(problem);
  }
}
