package de.rathaus.api.catalogue;

import de.rathaus.api.shared.Problems;
import de.rathaus.domain.catalogue.ServiceDefinitionRuleViolation;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A catalogue change that the service's state forbids: 409 with the rule's code. */
@RestControllerAdvice(assignableTypes = ServiceCatalogueController.class)
class CatalogueProblems {

  private final Problems problems;

  CatalogueProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ServiceDefinitionRuleViolation.class)
  ResponseEntity<ProblemDetail> ruleViolation(ServiceDefinitionRuleViolation e) {
    String key =
        "catalogue." + e.code().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    ProblemDetail problem = problems.of(HttpStatus.CONFLICT, key, LocaleContextHolder.getLocale());
    problem.setProperty("code", e.code().name());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }
}
