package de.rathaus.api.shared;

import de.rathaus.application.shared.OutcomeUnknown;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/**
 * Problems of the event store that a caller must be told as such: a change the store did not
 * confirm in time may still have been made, so it is neither refused nor an error of ours, but a
 * 503. Its detail says that sending the same request again with the same {@code Idempotency-Key} is
 * safe only where the operation takes that key and the request carried one; elsewhere it asks the
 * caller to check whether the change was made before sending it again, since a second note, answer
 * or service would be a second change. Ordered first, so that it is found also where the store's
 * exception arrives as the cause of another, before the catch-all 500 of {@link
 * ApiExceptionHandler}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StoreProblems {

  private static final Logger log = LoggerFactory.getLogger(StoreProblems.class);

  private final Problems problems;

  public StoreProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(OutcomeUnknown.class)
  public ResponseEntity<ProblemDetail> outcomeUnknown(
      OutcomeUnknown e, HandlerMethod handler, HttpServletRequest request) {
    boolean retrySafe =
        handler != null
            && Idempotency.takenBy(handler)
            && request.getHeader(Idempotency.HEADER) != null;
    log.warn("A change was sent to the store, but not confirmed in time");
    ProblemDetail problem =
        problems.of(
            HttpStatus.SERVICE_UNAVAILABLE, "outcome-unknown", LocaleContextHolder.getLocale());
    if (!retrySafe) {
      problem.setDetail(
          problems.text(
              "problem.outcome-unknown.check-first", LocaleContextHolder.getLocale(), null));
    }
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(problem);
  }
}
