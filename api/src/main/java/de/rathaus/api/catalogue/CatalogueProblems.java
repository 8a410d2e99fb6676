package de.rathaus.api.catalogue;

import de.rathaus.api.shared.Problems;
import de.rathaus.application.catalogue.CatalogueAdministration;
import de.rathaus.domain.catalogue.DepartmentRuleViolation;
import de.rathaus.domain.catalogue.ServiceDefinitionRuleViolation;
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
 * A change of a service or department that its state forbids: 409 with the rule's code; a service
 * naming no known, active department: 422 on its field.
 */
@Order(0) // before the catch-all of ApiExceptionHandler
@RestControllerAdvice(
    assignableTypes = {ServiceCatalogueController.class, DepartmentController.class})
class CatalogueProblems {

  private final Problems problems;

  CatalogueProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ServiceDefinitionRuleViolation.class)
  ResponseEntity<ProblemDetail> ruleViolation(ServiceDefinitionRuleViolation e) {
    return conflict("catalogue." + key(e.code()), e.code());
  }

  @ExceptionHandler(DepartmentRuleViolation.class)
  ResponseEntity<ProblemDetail> departmentRuleViolation(DepartmentRuleViolation e) {
    return conflict("catalogue.department-" + key(e.code()), e.code());
  }

  /** A service naming no known, active department: 422 with the field, like a validation. */
  @ExceptionHandler(CatalogueAdministration.UnknownDepartment.class)
  ResponseEntity<ProblemDetail> unknownDepartment() {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem =
        problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "catalogue.unknown-department", locale);
    problem.setProperty(
        "errors",
        List.of(
            Map.of(
                "field",
                "department",
                "message",
                problems.text("department.UNKNOWN", locale, "unknown department"))));
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  private ResponseEntity<ProblemDetail> conflict(String key, Enum<?> code) {
    ProblemDetail problem = problems.of(HttpStatus.CONFLICT, key, LocaleContextHolder.getLocale());
    problem.setProperty("code", code.name());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  private static String key(Enum<?> code) {
    return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
