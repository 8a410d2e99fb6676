package de.rathaus.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: what a filter behind it throws (a controller's exceptions are answered by
 * {@link ApiExceptionHandler} before they get here) is logged with an error id, its message left
 * out where it may quote input ({@link LoggedException}), and answered as the "unexpected" problem
 * with that id. Without it the servlet container would log the exception with its message and
 * answer through {@code /error} with an id the log does not know.
 */
public class UnexpectedErrors extends OncePerRequestFilter {

  private final Problems problems;
  private final ObjectMapper json;

  public UnexpectedErrors(Problems problems, ObjectMapper json) {
    this.problems = problems;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e; // part of the answer is sent already: nothing better can be said
      }
      response.reset();
      response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(
          response.getOutputStream(),
          ApiExceptionHandler.unexpected(problems, e, request.getLocale()));
    }
  }
}
