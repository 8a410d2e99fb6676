package de.rathaus.api.shared;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.StoredByNewerVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error raised in a controller into {@code application/problem+json}: Spring MVC's own
 * (405, 415, 406, missing parameters, 404 for unknown paths) through its standard handling with our
 * localised texts, validation errors with the list of fields, malformed JSON as 400, and anything
 * unexpected as a 500 that names no internals. Messages never repeat what the caller sent, so no
 * personal data ends up in a response or a log. Asked last, by its order: every other advice comes
 * before this catch-all ({@code ArchitectureTest}).
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final Problems problems;

  public ApiExceptionHandler(Problems problems) {
    this.problems = problems;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(fieldError(error.getField(), error, locale));
    }
    return validation(errors, locale);
  }

  /**
   * Constraints on a path variable or header as well as on a body: Spring then validates the whole
   * method and reports each parameter; the fields are listed all the same.
   */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    List<Map<String, String>> errors = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      if (result instanceof ParameterErrors body) {
        for (FieldError error : body.getFieldErrors()) {
          errors.add(fieldError(error.getField(), error, locale));
        }
      } else {
        for (MessageSourceResolvable error : result.getResolvableErrors()) {
          errors.add(fieldError(result.getMethodParameter().getParameterName(), error, locale));
        }
      }
    }
    return validation(errors, locale);
  }

  private ResponseEntity<Object> validation(List<Map<String, String>> errors, Locale locale) {
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "validation", locale);
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  /** A field and what is wrong with it, by the constraint's name (never the value sent). */
  private Map<String, String> fieldError(
      String field, MessageSourceResolvable error, Locale locale) {
    String[] codes = error.getCodes();
    String constraint = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
    return Map.of(
        "field",
        String.valueOf(field),
        "message",
        problems.text(
            "field." + constraint, locale, error.getDefaultMessage(), error.getArguments()));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestSizeLimit.BodyTooLarge tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
            .body(
                problems.of(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "http-413",
                    LocaleContextHolder.getLocale(),
                    tooLarge.maxKilobytes()));
      }
    }
    // the parser's message would quote the body: say only that it could not be read
    return ResponseEntity.badRequest()
        .body(
            problems.of(HttpStatus.BAD_REQUEST, "malformed-body", LocaleContextHolder.getLocale()));
  }

  /** A multipart body over the container's limits (a document too large): 413 with the limit. */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      org.springframework.web.multipart.MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    long max = ex.getMaxUploadSize();
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(
            problems.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "http-413",
                LocaleContextHolder.getLocale(),
                max > 0 ? max / 1024 : "?"));
  }

  /** A multipart body the container cannot read: 400, as for malformed JSON. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  public ResponseEntity<ProblemDetail> malformedMultipart(
      org.springframework.web.multipart.MultipartException e) {
    return ResponseEntity.badRequest()
        .body(
            problems.of(HttpStatus.BAD_REQUEST, "malformed-body", LocaleContextHolder.getLocale()));
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && problem.getType().toString().equals("about:blank")) {
      ProblemDetail localised =
          problems.of(statusCode, "http-" + statusCode.value(), LocaleContextHolder.getLocale());
      localised.setInstance(problem.getInstance());
      return new ResponseEntity<>(localised, headers, statusCode);
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  /**
   * A value that breaks a rule of the domain's value objects (a malformed code, a missing German
   * text), thrown by the project's own code: their messages describe the expected form and never
   * repeat the value. The same exception thrown by a library is a defect of ours: a logged 500.
   */
  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<ProblemDetail> invalidValue(IllegalArgumentException e) {
    if (!fromRathaus(e)) {
      return unexpected(e);
    }
    ProblemDetail problem =
        problems.of(HttpStatus.BAD_REQUEST, "validation", LocaleContextHolder.getLocale());
    problem.setDetail(e.getMessage()); // our own messages name the rule, never the value
    return ResponseEntity.badRequest().body(problem);
  }

  /** A choice that is none of the offered ones: the field error names the choices. */
  @ExceptionHandler(Choices.InvalidChoice.class)
  public ResponseEntity<Object> invalidChoice(Choices.InvalidChoice e) {
    return oneField(
        e.field(), "field.choice", "must be one of {0}", String.join(", ", e.choices()));
  }

  /** A page size outside 1 to 500, or a cursor that no page made. */
  @ExceptionHandler(Page.InvalidPageRequest.class)
  public ResponseEntity<Object> invalidPage(Page.InvalidPageRequest e) {
    return oneField(e.parameter(), "field.page-" + e.parameter(), "is not valid", Page.MAX_SIZE);
  }

  /** A validation problem about one field, its message in the caller's language. */
  private ResponseEntity<Object> oneField(
      String field, String message, String fallback, Object... args) {
    Locale locale = LocaleContextHolder.getLocale();
    return validation(
        List.of(Map.of("field", field, "message", problems.text(message, locale, fallback, args))),
        locale);
  }

  @ExceptionHandler(Idempotency.InvalidKey.class)
  public ResponseEntity<ProblemDetail> invalidIdempotencyKey() {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "validation", locale);
    problem.setProperty(
        "errors",
        List.of(
            Map.of(
                "field",
                Idempotency.HEADER,
                "message",
                problems.text("idempotency.invalid-key", locale, "invalid key"))));
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(Idempotency.KeyReused.class)
  public ResponseEntity<ProblemDetail> idempotencyKeyReused() {
    return ResponseEntity.unprocessableEntity()
        .body(
            problems.of(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotency-key-reused",
                LocaleContextHolder.getLocale()));
  }

  @ExceptionHandler(Idempotency.KeyInProgress.class)
  public ResponseEntity<ProblemDetail> idempotencyKeyInProgress() {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(
            problems.of(
                HttpStatus.CONFLICT,
                "idempotency-key-in-progress",
                LocaleContextHolder.getLocale()));
  }

  private static boolean fromRathaus(Exception e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length > 0 && trace[0].getClassName().startsWith("de.rathaus.");
  }

  @ExceptionHandler({AggregateNotFoundException.class, NotFound.class})
  public ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(problems.of(HttpStatus.NOT_FOUND, "http-404", LocaleContextHolder.getLocale()));
  }

  /** Something with this id exists already, or changed meanwhile: try again after reading it. */
  @ExceptionHandler({AggregateStreamCreationException.class, ConcurrencyException.class})
  public ResponseEntity<ProblemDetail> conflict(Exception e) {
    String key = e instanceof AggregateStreamCreationException ? "already-exists" : "conflict";
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(problems.of(HttpStatus.CONFLICT, key, LocaleContextHolder.getLocale()));
  }

  /** How long a caller waits before it tries again while an upgrade is under way, in seconds. */
  static final int RETRY_AFTER_UPGRADE_SECONDS = 5;

  /**
   * This instance is older than what it has to read (a rolling upgrade under way): 503 with
   * Retry-After, a passing state; the retry reaches an upgraded instance or this one upgraded.
   */
  @ExceptionHandler(StoredByNewerVersion.class)
  public ResponseEntity<ProblemDetail> storedByNewerVersion(StoredByNewerVersion e) {
    log.warn("Answered 503: {}", e.getMessage()); // type and revisions only, no personal data
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_UPGRADE_SECONDS))
        .body(
            problems.of(
                HttpStatus.SERVICE_UNAVAILABLE, "newer-version", LocaleContextHolder.getLocale()));
  }

  /** The key of the error id in the log line's MDC (a field of its own in structured logs). */
  static final String ERROR_ID = "errorId";

  /**
   * Anything not foreseen: a 500 that tells the caller nothing about the inside but an error id,
   * which the log line with the stack trace carries too (in its text and its MDC), so that the
   * operator finds it. Request bodies are never logged, and only our own exceptions' messages
   * (which never hold personal values): see {@link LoggedException}.
   */
  public ResponseEntity<ProblemDetail> unexpected(Exception e) {
    return unexpected(e, null, null);
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(
      Exception e,
      org.springframework.web.method.HandlerMethod handler,
      jakarta.servlet.http.HttpServletRequest request) {
    if (StoreProblems.unreachable(e)) {
      return new StoreProblems(problems).storeUnreachable(e, handler, request);
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof StoredByNewerVersion newer) {
        return storedByNewerVersion(newer); // wrapped by the framework on its way here
      }
    }
    return ResponseEntity.internalServerError()
        .body(unexpected(problems, e, LocaleContextHolder.getLocale()));
  }

  /**
   * Logs {@code e} (or, when nothing was thrown, only that a 5xx was answered) under a new error id
   * and answers the "unexpected" problem that carries the same id. Also used for what fails outside
   * controllers: {@link UnexpectedErrors}, {@link ProblemErrorController}.
   */
  static ProblemDetail unexpected(Problems problems, Throwable e, Locale locale) {
    String errorId = java.util.UUID.randomUUID().toString();
    try (MDC.MDCCloseable logged = MDC.putCloseable(ERROR_ID, errorId)) {
      if (e == null) {
        log.error("Unexpected error {} while handling a request (no exception)", errorId);
      } else {
        log.error("Unexpected error {} while handling a request", errorId, LoggedException.of(e));
      }
    }
    ProblemDetail problem = problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected", locale);
    problem.setProperty(ERROR_ID, errorId);
    return problem;
  }
}
