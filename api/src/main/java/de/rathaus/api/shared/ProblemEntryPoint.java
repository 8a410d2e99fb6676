package de.rathaus.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The security filters' refusals as problem details, in one place for every way of signing in: 401
 * (not signed in, or credentials that do not hold; with the challenge) and 403 (signed in, but not
 * allowed; or a browser's change without the CSRF token, a problem of its own).
 */
public final class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String CHALLENGE = "Basic realm=\"Rathaus\", Bearer";

  private final Problems problems;
  private final ObjectMapper json;

  public ProblemEntryPoint(Problems problems, ObjectMapper json) {
    this.problems = problems;
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    write(request, response, HttpStatus.UNAUTHORIZED, "http-401");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
      throws IOException {
    String key = refused instanceof CsrfException ? "csrf" : "http-403";
    write(request, response, HttpStatus.FORBIDDEN, key);
  }

  /** In the caller's language (see {@link CallersLanguage}). */
  private void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problems.of(status, key, request.getLocale()));
  }
}
