package de.rathaus.api.open311;

import de.rathaus.api.shared.Problems;
import de.rathaus.domain.open311.Open311KeyRuleViolation;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A key revoked already: 409 with the rule's code; another broken rule of a key: 422. */
@Order(0) // before the catch-all of ApiExceptionHandler
@RestControllerAdvice(assignableTypes = Open311KeyController.class)
class Open311KeyProblems {

  private final Problems problems;

  Open311KeyProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(Open311KeyRuleViolation.class)
  ResponseEntity<ProblemDetail> ruleViolation(Open311KeyRuleViolation e) {
    HttpStatus status =
        e.code() == Open311KeyRuleViolation.Code.ALREADY_REVOKED
            ? HttpStatus.CONFLICT
            : HttpStatus.UNPROCESSABLE_ENTITY;
    String key = "open311.key-" + e.code().name().toLowerCase(Locale.ROOT).replace('_', '-');
    ProblemDetail problem = problems.of(status, key, LocaleContextHolder.getLocale());
    problem.setProperty("code", e.code().name());
    return ResponseEntity.status(status).body(problem);
  }
}
