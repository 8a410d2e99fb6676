package de.rathaus.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 and a problem: by the declared length before
 * anything is read, and for bodies without a length while they are read.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;
  private final Problems problems;
  private final ObjectMapper json;

  public RequestSizeLimit(long maxBytes, Problems problems, ObjectMapper json) {
    this.maxBytes = maxBytes;
    this.problems = problems;
    this.json = json;
  }

  /**
   * A document's upload (multipart to a request's attachments, in the API or the portal) is limited
   * by the container's multipart settings instead, which follow {@code
   * rathaus.attachments.max-file-size}.
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return "POST".equals(request.getMethod())
        && type != null
        && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
        && UPLOADS.matcher(request.getRequestURI()).matches();
  }

  private static final java.util.regex.Pattern UPLOADS =
      java.util.regex.Pattern.compile(
          "/api/v1/requests/[^/]+/attachments/?|/portal/anliegen/[^/]+/anlagen/?");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      tooLarge(request, response);
      return;
    }
    try {
      chain.doFilter(new Limited(request, maxBytes), response);
    } catch (BodyTooLarge e) {
      if (!response.isCommitted()) {
        response.reset();
        tooLarge(request, response);
      }
    } catch (ServletException e) {
      if (e.getRootCause() instanceof BodyTooLarge && !response.isCommitted()) {
        response.reset();
        tooLarge(request, response);
      } else {
        throw e;
      }
    }
  }

  /** In the caller's language (see {@link CallersLanguage}): this filter runs before Spring's. */
  private void tooLarge(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(
        response.getOutputStream(),
        problems.of(
            HttpStatus.PAYLOAD_TOO_LARGE, "http-413", request.getLocale(), maxBytes / 1024));
  }

  /**
   * Thrown while a body without a declared length is read. Spring wraps it in an {@code
   * HttpMessageNotReadableException} when it reads the body for a controller, so {@link
   * ApiExceptionHandler} looks for it among the causes and answers 413 as well.
   */
  static final class BodyTooLarge extends IOException {
    private final long maxBytes;

    BodyTooLarge(long maxBytes) {
      super("request body over the limit");
      this.maxBytes = maxBytes;
    }

    long maxKilobytes() {
      return maxBytes / 1024;
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream inner = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = inner.read();
                if (b >= 0 && ++read > maxBytes) {
                  throw new BodyTooLarge(maxBytes);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = inner.read(buffer, offset, length);
                if (n > 0 && (read += n) > maxBytes) {
                  throw new BodyTooLarge(maxBytes);
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return inner.isFinished();
              }

              @Override
              public boolean isReady() {
                return inner.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                inner.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
