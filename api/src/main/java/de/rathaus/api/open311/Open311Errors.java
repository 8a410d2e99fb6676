package de.rathaus.api.open311;

import com.fasterxml.jackson.databind.node.ArrayNode;
import de.rathaus.api.shared.HourlyLimit;
import de.rathaus.api.shared.Idempotency;
import de.rathaus.application.servicerequest.RequestSubmission;
import de.rathaus.domain.catalogue.AttributeError;
import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure under {@code /open311/} answered as GeoReport v2 does: its error list ({@code
 * [{"code": 400, "description": "…"}]}, in XML {@code <errors><error><code>…</code><description>
 * …</description></error></errors>}) in the format the path asked for, never problem+json. It
 * answers {@link Open311Failure}s, the submission's refusals (each form error one entry), the
 * framework's own errors (a missing or mistyped parameter, an unknown path, a method the path does
 * not have, a body that cannot be read), a used-up limit (429 with {@code Retry-After}), and the
 * security filters' refusals on these paths; anything unforeseen is a 500 whose description is an
 * error id that the log line with the stack trace carries too.
 *
 * <p>A resolver before all others rather than an advice: an advice only sees errors of handlers it
 * is scoped to, but an unknown path or a method not allowed has no handler. Paths outside {@code
 * /open311/} are left to the API's problem details. Descriptions never repeat a value the client
 * sent (they name parameters and codes of the catalogue only), so no personal data reaches them.
 */
final class Open311Errors
    implements HandlerExceptionResolver, Ordered, AuthenticationEntryPoint, AccessDeniedHandler {

  private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

  static final String PREFIX = "/open311/";

  private final Open311Answers answers;

  Open311Errors(Open311Answers answers) {
    this.answers = answers;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /** Whether the request is one of Open311's. */
  static boolean under(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith(PREFIX);
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    if (!under(request)) {
      return null;
    }
    try {
      write(request, response, answer(e));
    } catch (IOException | RuntimeException writeFailed) {
      return null; // the client went away, or the response was committed: nothing more to say
    }
    return new ModelAndView();
  }

  /** The security filters' refusals on Open311's paths: a path no method may call there. */
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
      throws IOException {
    write(request, response, refusal(HttpStatus.FORBIDDEN, "This is no resource of Open311"));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
      throws IOException {
    write(request, response, refusal(HttpStatus.FORBIDDEN, "This is no resource of Open311"));
  }

  /** The error list and status for {@code e}. */
  Refusal answer(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof de.rathaus.application.shared.OutcomeUnknown) {
        log.warn("An Open311 submission was sent to the store, but not confirmed in time");
        return new Refusal(
            HttpStatus.SERVICE_UNAVAILABLE,
            List.of(
                "The store did not confirm in time: the request may have been made. Send it again"
                    + " with the same Idempotency-Key, or look it up before sending it again"),
            1L);
      }
    }
    if (e instanceof Open311Failure failure) {
      return refusal(failure.status(), failure.description());
    }
    if (e instanceof RequestSubmission.InvalidForm invalid) {
      return new Refusal(
          HttpStatus.BAD_REQUEST,
          invalid.errors().stream().map(Open311Errors::describe).toList(),
          null);
    }
    if (e instanceof RequestSubmission.UnknownService) {
      return refusal(HttpStatus.BAD_REQUEST, "service_code is not a service of this city");
    }
    if (e instanceof ServiceRequestRuleViolation violation) {
      return refusal(HttpStatus.BAD_REQUEST, describe(violation));
    }
    if (e instanceof HourlyLimit.Exceeded exceeded) {
      return new Refusal(
          HttpStatus.TOO_MANY_REQUESTS,
          List.of("More than " + exceeded.perHour() + " requests per hour: try again later"),
          exceeded.retryAfterSeconds());
    }
    if (e instanceof Idempotency.InvalidKey) {
      return refusal(
          HttpStatus.BAD_REQUEST,
          "The Idempotency-Key must be 1 to 255 printable ASCII characters");
    }
    if (e instanceof Idempotency.KeyReused) {
      return refusal(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "The Idempotency-Key was used before for another request");
    }
    if (e instanceof Idempotency.KeyInProgress) {
      return refusal(
          HttpStatus.CONFLICT, "The first request with this Idempotency-Key is still running");
    }
    if (e instanceof MissingServletRequestParameterException missing) {
      return refusal(HttpStatus.BAD_REQUEST, missing.getParameterName() + " is required");
    }
    if (e instanceof MethodArgumentTypeMismatchException mismatch) {
      return refusal(HttpStatus.BAD_REQUEST, mismatch.getName() + " has the wrong form");
    }
    if (e instanceof ServletRequestBindingException) {
      return refusal(HttpStatus.BAD_REQUEST, "The request's parameters cannot be read");
    }
    if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
      return refusal(HttpStatus.NOT_FOUND, "No such resource of Open311");
    }
    if (e instanceof HttpRequestMethodNotSupportedException) {
      return refusal(HttpStatus.METHOD_NOT_ALLOWED, "This resource does not take this method");
    }
    if (e instanceof HttpMediaTypeNotSupportedException) {
      return refusal(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Send the parameters as application/x-www-form-urlencoded");
    }
    if (e instanceof HttpMediaTypeNotAcceptableException) {
      return refusal(HttpStatus.NOT_ACCEPTABLE, "The format is named by the path: .json or .xml");
    }
    if (e instanceof MaxUploadSizeExceededException) {
      return refusal(HttpStatus.PAYLOAD_TOO_LARGE, "The request is too large");
    }
    if (e instanceof MultipartException
        || e instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
      return refusal(HttpStatus.BAD_REQUEST, "The request's body cannot be read");
    }
    return unexpected(e);
  }

  private static Refusal unexpected(Exception e) {
    String errorId = UUID.randomUUID().toString();
    try (MDC.MDCCloseable logged = MDC.putCloseable("errorId", errorId)) {
      if (e.getClass().getName().startsWith("de.rathaus.")) {
        // the engine's own messages never hold values: the stack trace may be logged whole
        log.error("Unexpected error {} while answering an Open311 request", errorId, e);
      } else {
        // a library's message may quote what the client sent: the type and place only
        StackTraceElement[] trace = e.getStackTrace();
        log.error(
            "Unexpected error {} while answering an Open311 request: {} at {}",
            errorId,
            e.getClass().getName(),
            trace.length > 0 ? trace[0] : "?");
      }
    }
    return refusal(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error " + errorId);
  }

  /** One form field and what is wrong with it, by the catalogue's code (never the value). */
  static String describe(AttributeError error) {
    String field = "attribute[" + error.attribute() + "]";
    return switch (error.reason()) {
      case REQUIRED -> field + " is required";
      case UNKNOWN_ATTRIBUTE -> field + " is not an attribute of this service";
      case NOT_A_STRING -> field + " must be text";
      case TOO_LONG -> field + " is too long";
      case NOT_A_NUMBER -> field + " must be a number";
      case NOT_A_DATETIME -> field + " must be an ISO-8601 date or date and time";
      case NOT_ALLOWED_VALUE -> field + " is not one of the values the service definition lists";
      default -> field + " is not valid (" + error.reason().name().toLowerCase() + ")";
    };
  }

  private static String describe(ServiceRequestRuleViolation violation) {
    return switch (violation.code()) {
      case LOCATION_REQUIRED -> "lat and long are required: a report needs the issue's location";
      case APPLICANT_NAME_REQUIRED ->
          "first_name or last_name is required: an application is decided for a person";
      default -> "The request was refused (" + violation.code().name().toLowerCase() + ")";
    };
  }

  static Refusal refusal(HttpStatus status, String description) {
    return new Refusal(status, List.of(description), null);
  }

  /** What is answered: the status, the list's descriptions, and a {@code Retry-After} if any. */
  record Refusal(HttpStatus status, List<String> descriptions, Long retryAfterSeconds) {

    /** The standard's error list. */
    ArrayNode body() {
      ArrayNode errors = Open311Answers.NODES.arrayNode();
      for (String description : descriptions) {
        errors.addObject().put("code", status.value()).put("description", description);
      }
      return errors;
    }
  }

  /** Writes {@code refusal} in the format the path asked for. */
  void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
      throws IOException {
    Open311Format format = Open311Format.ofPath(request.getRequestURI());
    ResponseEntity<byte[]> answer =
        answers.answer(refusal.status(), format, "errors", refusal.body());
    response.resetBuffer();
    response.setStatus(refusal.status().value());
    response.setContentType(String.valueOf(answer.getHeaders().getContentType()));
    if (refusal.retryAfterSeconds() != null) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
    }
    byte[] body = answer.getBody();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }
}
