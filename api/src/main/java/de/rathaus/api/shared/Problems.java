package de.rathaus.api.shared;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with titles and details in the caller's language (German or
 * English, from {@code Accept-Language}). Texts come from {@code messages*.properties} by key:
 * {@code problem.<key>.title} and {@code problem.<key>.detail}.
 */
public final class Problems {

  /** Problem types are documented under this base. */
  public static final String TYPE_BASE = "https://rathaus.example/problems/";

  private final MessageSource messages;

  public Problems(MessageSource messages) {
    this.messages = messages;
  }

  public ProblemDetail of(HttpStatusCode status, String key, Locale locale, Object... args) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(URI.create(TYPE_BASE + key));
    problem.setTitle(text("problem." + key + ".title", locale, reasonOf(status)));
    String detail = text("problem." + key + ".detail", locale, null, args);
    if (detail != null) {
      problem.setDetail(detail);
    }
    return problem;
  }

  public String text(String code, Locale locale, String fallback, Object... args) {
    return messages.getMessage(code, args, fallback, locale == null ? Locale.GERMAN : locale);
  }

  private static String reasonOf(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "Error " + status.value() : known.getReasonPhrase();
  }
}
