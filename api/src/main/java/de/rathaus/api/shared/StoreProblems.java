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
    log.warn("A change was sent to the store, but not confirmed in time");
    return outcomeUnknown(handler, request);
  }

  /**
   * The driver's exceptions for a store that could not be reached, or whose connection broke, while
   * a request ran (a MongoDB killed, restarting or electing). The API module does not compile
   * against the driver, so they are known by name, with their subclasses.
   */
  private static final java.util.Set<String> UNREACHABLE =
      java.util.Set.of("com.mongodb.MongoTimeoutException", "com.mongodb.MongoSocketException");

  /** Whether {@code e} or one of its causes says that the store could not be reached. */
  static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
        if (UNREACHABLE.contains(c.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What the request had handed to an unreachable store may or may not have been made, so the
   * caller is told just that, as for a write not confirmed in time.
   */
  ResponseEntity<ProblemDetail> storeUnreachable(
      Throwable e, HandlerMethod handler, HttpServletRequest request) {
    log.warn("The store could not be reached while a request ran: {}", e.getClass().getName());
    return outcomeUnknown(handler, request);
  }

  private ResponseEntity<ProblemDetail> outcomeUnknown(
      HandlerMethod handler, HttpServletRequest request) {
    boolean retrySafe =
        handler != null
            && Idempotency.takenBy(handler)
            && request.getHeader(Idempotency.HEADER) != null;
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
