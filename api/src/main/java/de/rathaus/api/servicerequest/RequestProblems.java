package de.rathaus.api.servicerequest;

import de.rathaus.api.shared.Problems;
import de.rathaus.application.servicerequest.RequestSubmission;
import de.rathaus.application.servicerequest.SubmissionLimit;
import de.rathaus.domain.catalogue.AttributeError;
import de.rathaus.domain.servicerequest.ObjectionPeriodOver;
import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * Problems of requests: form values that do not fit the service (400 with the fields), an unknown
 * service (400 on {@code serviceCode}), a rule of the case (422 for missing facts, 404 when the
 * caller is not the applicant, 409 for a forbidden transition). Values are never repeated.
 */
@Order(0) // before the catch-all of ApiExceptionHandler
@RestControllerAdvice(
    assignableTypes = {
      ServiceRequestController.class,
      CaseController.class,
      AttachmentController.class
    })
class RequestProblems {

  private final Problems problems;

  RequestProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(RequestSubmission.InvalidForm.class)
  ResponseEntity<ProblemDetail> invalidForm(RequestSubmission.InvalidForm e) {
    Locale locale = LocaleContextHolder.getLocale();
    List<Map<String, String>> errors = new ArrayList<>();
    for (AttributeError error : e.errors()) {
      errors.add(
          Map.of(
              "field",
              "attributes." + error.attribute(),
              "message",
              problems.text("attribute." + error.reason().name(), locale, error.reason().name())));
    }
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "validation", locale);
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  /** More submissions in the last hour than a citizen may make: when to try again. */
  @ExceptionHandler(SubmissionLimit.LimitReached.class)
  ResponseEntity<ProblemDetail> limitReached(SubmissionLimit.LimitReached e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(
            org.springframework.http.HttpHeaders.RETRY_AFTER,
            Long.toString(e.retryAfter().toSeconds()))
        .body(
            problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "submission-limit",
                LocaleContextHolder.getLocale(),
                e.perHour()));
  }

  @ExceptionHandler(RequestSubmission.UnknownService.class)
  ResponseEntity<ProblemDetail> unknownService() {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "validation", locale);
    problem.setProperty(
        "errors",
        List.of(
            Map.of(
                "field",
                "serviceCode",
                "message",
                problems.text("attribute.UNKNOWN_SERVICE", locale, "unknown service"))));
    return ResponseEntity.badRequest().body(problem);
  }

  /** Too late to object: 409 naming the last day of the period (in the caller's language). */
  @ExceptionHandler(ObjectionPeriodOver.class)
  ResponseEntity<ProblemDetail> objectionPeriodOver(ObjectionPeriodOver e) {
    Locale locale = LocaleContextHolder.getLocale();
    String day =
        Locale.GERMAN.getLanguage().equals(locale.getLanguage())
            ? e.lastDay().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))
            : e.lastDay().toString();
    ProblemDetail problem =
        problems.of(HttpStatus.CONFLICT, "request.objection-period-over", locale, day);
    problem.setProperty("code", e.code().name());
    problem.setProperty("lastDay", e.lastDay().toString());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler(ServiceRequestRuleViolation.class)
  ResponseEntity<ProblemDetail> rule(ServiceRequestRuleViolation e) {
    HttpStatus status =
        switch (e.code()) {
          case LOCATION_REQUIRED,
              APPLICANT_NAME_REQUIRED,
              ANSWER_DUE_BEFORE_QUESTION,
              NOT_A_CLERK_OF_THE_DEPARTMENT,
              UNKNOWN_DEPARTMENT ->
              HttpStatus.UNPROCESSABLE_ENTITY;
          case NOT_THE_APPLICANT, NOT_YOUR_DEPARTMENT, UNKNOWN_QUESTION -> HttpStatus.NOT_FOUND;
          case ATTACHMENT_TOO_LARGE, ATTACHMENTS_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
          case EMPTY_ATTACHMENT, UNKNOWN_ATTACHMENT -> HttpStatus.UNPROCESSABLE_ENTITY;
          default -> HttpStatus.CONFLICT;
        };
    String key =
        status == HttpStatus.NOT_FOUND
            ? "http-404"
            : "request." + e.code().name().toLowerCase(Locale.ROOT).replace('_', '-');
    ProblemDetail problem = problems.of(status, key, LocaleContextHolder.getLocale());
    if (status != HttpStatus.NOT_FOUND) {
      problem.setProperty("code", e.code().name());
    }
    return ResponseEntity.status(status).body(problem);
  }
}
