package de.rathaus.api.participation;

import de.rathaus.api.shared.Problems;
import de.rathaus.domain.participation.ActionFieldRuleViolation;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A change of an action field that its state forbids: 409 with the rule's code. */
@Order(0) // before the catch-all of ApiExceptionHandler
@RestControllerAdvice(assignableTypes = ActionFieldController.class)
class ParticipationProblems {

  private final Problems problems;

  ParticipationProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ActionFieldRuleViolation.class)
  ResponseEntity<ProblemDetail> actionFieldRuleViolation(ActionFieldRuleViolation e) {
    String key =
        "participation.action-field-" + e.code().name().toLowerCase(Locale.ROOT).replace('_', '-');
    ProblemDetail problem = problems.of(HttpStatus.CONFLICT, key, LocaleContextHolder.getLocale());
    problem.setProperty("code", e.code().name());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }
}
