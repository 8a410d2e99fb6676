package de.rathaus.api.servicerequest;

import de.rathaus.api.shared.Problems;
import de.rathaus.application.servicerequest.AttachmentFiles;
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
 * Problems of documents: a type the city does not accept (415, naming the accepted ones, never what
 * was sent), a file too large (413), a document whose applicant was erased (410), a purpose of the
 * other role (400 on {@code purpose}). Rules of the case are {@link RequestProblems}'.
 */
@Order(0) // before the catch-all of ApiExceptionHandler
@RestControllerAdvice(assignableTypes = AttachmentController.class)
class AttachmentProblems {

  private final Problems problems;
  private final DocumentTypes types;

  AttachmentProblems(Problems problems, DocumentTypes types) {
    this.problems = problems;
    this.types = types;
  }

  @ExceptionHandler(DocumentTypes.Refused.class)
  ResponseEntity<ProblemDetail> refusedType(DocumentTypes.Refused e) {
    ProblemDetail problem =
        problems.of(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "attachment-type",
            LocaleContextHolder.getLocale(),
            String.join(", ", types.allowed()));
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
  }

  @ExceptionHandler(AttachmentFiles.TooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(AttachmentFiles.TooLarge e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(
            problems.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "attachment-too-large",
                LocaleContextHolder.getLocale(),
                e.maxBytes() / 1024));
  }

  @ExceptionHandler(AttachmentFiles.Erased.class)
  ResponseEntity<ProblemDetail> erased(AttachmentFiles.Erased e) {
    return ResponseEntity.status(HttpStatus.GONE)
        .body(problems.of(HttpStatus.GONE, "attachment-erased", LocaleContextHolder.getLocale()));
  }

  @ExceptionHandler(AttachmentController.PurposeNotYours.class)
  ResponseEntity<ProblemDetail> purpose(AttachmentController.PurposeNotYours e) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "validation", locale);
    problem.setProperty(
        "errors",
        List.of(
            Map.of(
                "field",
                "purpose",
                "message",
                problems.text(
                    "field.choice",
                    locale,
                    "must be one of {0}",
                    String.join(", ", e.choices())))));
    return ResponseEntity.badRequest().body(problem);
  }
}
