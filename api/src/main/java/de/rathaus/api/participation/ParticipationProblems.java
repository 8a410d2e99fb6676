package de.rathaus.api.participation;

import de.rathaus.api.shared.Problems;
import de.rathaus.application.participation.ConsultationAdministration;
import de.rathaus.domain.participation.ActionFieldRuleViolation;
import de.rathaus.domain.participation.ConsultationRuleViolation;
import de.rathaus.domain.participation.ProposalRuleViolation;
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

/**
 * A change of an action field that its state forbids: 409 with the rule's code. A consultation's
 * phase rule: 409 with the rule's code; a rule about its content, or an action field or department
 * that is not known and active: 422 naming the field (and the rule's code). A proposal's rule: 409
 * with the rule's code, but another citizen's proposal is 404 (ids leak nothing).
 */
@Order(0) // before the catch-all of ApiExceptionHandler
@RestControllerAdvice(
    assignableTypes = {
      ActionFieldController.class,
      ConsultationController.class,
      ProposalController.class,
      SupportController.class
    })
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

  @ExceptionHandler(ConsultationRuleViolation.class)
  ResponseEntity<ProblemDetail> consultationRuleViolation(ConsultationRuleViolation e) {
    Locale locale = LocaleContextHolder.getLocale();
    String rule = problems.text("consultation." + e.code().name(), locale, e.getMessage());
    String field = e.code().field();
    HttpStatus status = field == null ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
    ProblemDetail problem =
        problems.of(
            status,
            field == null
                ? "participation.consultation-phase"
                : "participation.consultation-content",
            locale);
    problem.setDetail(rule);
    problem.setProperty("code", e.code().name());
    if (field != null) {
      problem.setProperty("errors", List.of(Map.of("field", field, "message", rule)));
    }
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler(ProposalRuleViolation.class)
  ResponseEntity<ProblemDetail> proposalRuleViolation(ProposalRuleViolation e) {
    Locale locale = LocaleContextHolder.getLocale();
    if (e.code() == ProposalRuleViolation.Code.NOT_THE_AUTHOR) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(problems.of(HttpStatus.NOT_FOUND, "http-404", locale));
    }
    ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "participation.proposal-rule", locale);
    problem.setDetail(problems.text("proposal." + e.code().name(), locale, e.getMessage()));
    problem.setProperty("code", e.code().name());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  /** A consultation naming an action field or department that is not known and active. */
  @ExceptionHandler(ConsultationAdministration.UnknownReference.class)
  ResponseEntity<ProblemDetail> unknownReference(ConsultationAdministration.UnknownReference e) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem =
        problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "participation.unknown-reference", locale);
    problem.setProperty(
        "errors",
        List.of(
            Map.of(
                "field",
                e.field(),
                "message",
                problems.text(
                    "consultation.unknown-" + e.field(), locale, "is not known and active"))));
    return ResponseEntity.unprocessableEntity().body(problem);
  }
}
