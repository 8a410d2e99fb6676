package de.rathaus.api.audit;

import de.rathaus.api.shared.Problems;
import de.rathaus.api.shared.ReadModelRebuilds;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** No read model of that name: 404; a rebuild of it under way already: 409. */
@Order(0) // before the catch-all of ApiExceptionHandler
@RestControllerAdvice(assignableTypes = ProjectionController.class)
class ProjectionProblems {

  private final Problems problems;

  ProjectionProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ReadModelRebuilds.UnknownReadModel.class)
  ResponseEntity<ProblemDetail> unknown() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(problems.of(HttpStatus.NOT_FOUND, "http-404", LocaleContextHolder.getLocale()));
  }

  @ExceptionHandler(ReadModelRebuilds.RebuildRunning.class)
  ResponseEntity<ProblemDetail> running() {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(
            problems.of(
                HttpStatus.CONFLICT, "audit.rebuild-running", LocaleContextHolder.getLocale()));
  }
}
