package de.rathaus.api.shared;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An {@link HourlyLimit} used up, wherever: 429 with {@code Retry-After} in seconds. */
@Order(0) // before the catch-all of ApiExceptionHandler
@RestControllerAdvice
class LimitProblems {

  private final Problems problems;

  LimitProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(HourlyLimit.Exceeded.class)
  ResponseEntity<ProblemDetail> exceeded(HourlyLimit.Exceeded e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(
            problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "hourly-limit",
                LocaleContextHolder.getLocale(),
                e.perHour()));
  }
}
