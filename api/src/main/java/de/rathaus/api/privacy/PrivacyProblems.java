package de.rathaus.api.privacy;

import de.rathaus.api.shared.Problems;
import de.rathaus.application.privacy.AccessRecorder;
import de.rathaus.application.privacy.PersonalDataKeyMissing;
import de.rathaus.application.privacy.PersonalDataUnreadable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Personal data that cannot be read, for any resource: a key missing without a recorded erasure
 * answers 503 (the operator must restore the key store; the data is not lost and reads again then),
 * a value that does not belong where it is stored answers 500. Neither shows a placeholder.
 *
 * <p>The exception is raised where the value is decrypted, deep inside a read: in a query handler
 * it reaches the controller wrapped (in the read model's and Jackson's exceptions, and in the
 * {@code CompletionException} of {@code QueryGateway.query(..).join()}), from a command through the
 * aggregate's loading. Spring MVC matches an exception handler against the whole chain of causes,
 * so this advice is consulted first (highest precedence) and answers wherever in the chain it is
 * found. The value was logged and counted where it was found; here only the answer is made.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PrivacyProblems {

  private static final Logger log = LoggerFactory.getLogger(PrivacyProblems.class);

  private final Problems problems;

  PrivacyProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(PersonalDataKeyMissing.class)
  ResponseEntity<ProblemDetail> keyMissing(PersonalDataKeyMissing e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(
            problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "personal-data-unavailable",
                LocaleContextHolder.getLocale()));
  }

  /** A read whose access-log entry could not be stored is not answered (fail closed). */
  @ExceptionHandler(AccessRecorder.AccessNotRecorded.class)
  ResponseEntity<ProblemDetail> accessNotRecorded(AccessRecorder.AccessNotRecorded e) {
    log.error("A read was refused: its access-log entry could not be stored");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "5")
        .body(
            problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "access-log-unavailable",
                LocaleContextHolder.getLocale()));
  }

  @ExceptionHandler(PersonalDataUnreadable.class)
  ResponseEntity<ProblemDetail> unreadable(PersonalDataUnreadable e) {
    log.error("{}", e.getMessage());
    return ResponseEntity.internalServerError()
        .body(
            problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "personal-data-unreadable",
                LocaleContextHolder.getLocale()));
  }
}
