package de.rathaus.api.participation;

import de.rathaus.api.shared.Problems;
import de.rathaus.domain.participation.ProposalRuleViolation;
import de.rathaus.domain.participation.ProposalRuleViolation.Code;
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
 * A rule of comments or moderation: 409 with the rule's code when the state forbids it (comments
 * closed, hidden, already hidden, not hidden); 422 naming the body's field and the rule when the
 * body names a comment that cannot be replied to or moderated ({@code parentId}, {@code
 * commentId}).
 */
@Order(0) // before the catch-all of ApiExceptionHandler
@RestControllerAdvice(assignableTypes = {CommentController.class, ModerationController.class})
class CommentProblems {

  private final Problems problems;

  CommentProblems(Problems problems) {
    this.problems = problems;
  }

  /** The body's field a rule is about, or {@code null} if it is about the state. */
  private static String field(Code code) {
    return switch (code) {
      case UNKNOWN_PARENT, REPLY_TO_REPLY -> "parentId";
      case UNKNOWN_COMMENT -> "commentId";
      default -> null;
    };
  }

  @ExceptionHandler(ProposalRuleViolation.class)
  ResponseEntity<ProblemDetail> proposalRuleViolation(ProposalRuleViolation e) {
    Locale locale = LocaleContextHolder.getLocale();
    String rule = problems.text("proposal." + e.code().name(), locale, e.getMessage());
    String field = field(e.code());
    HttpStatus status = field == null ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
    ProblemDetail problem =
        problems.of(
            status,
            field == null ? "participation.proposal-rule" : "participation.comment-reference",
            locale);
    problem.setDetail(rule);
    problem.setProperty("code", e.code().name());
    if (field != null) {
      problem.setProperty("errors", List.of(Map.of("field", field, "message", rule)));
    }
    return ResponseEntity.status(status).body(problem);
  }
}
