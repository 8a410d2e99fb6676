package de.rathaus.api.shared;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside controllers (in filters, in the servlet container) reach {@code
 * /error}; they are answered as problem details too, never with the container's page or a trace.
 * {@code /error} is no resource of the API: called directly it answers 404, and the OpenAPI
 * description leaves it out.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

  private final Problems problems;

  public ProblemErrorController(Problems problems) {
    this.problems = problems;
  }

  @RequestMapping("/error")
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status;
    if (request.getDispatcherType() != DispatcherType.ERROR) {
      status = HttpStatus.NOT_FOUND; // called as an address, not by the container for an error
    } else if (code instanceof Integer value && HttpStatus.resolve(value) != null) {
      status = HttpStatus.valueOf(value);
    } else {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    ProblemDetail problem =
        status == HttpStatus.INTERNAL_SERVER_ERROR
            ? ApiExceptionHandler.unexpected(
                problems,
                (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION),
                LocaleContextHolder.getLocale())
            : problems.of(
                status,
                status.is5xxServerError() ? "unexpected" : "http-" + status.value(),
                LocaleContextHolder.getLocale());
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
