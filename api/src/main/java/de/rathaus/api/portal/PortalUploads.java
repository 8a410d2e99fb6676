package de.rathaus.api.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a document's upload to a citizen's request before the CSRF check, so that a file over the
 * container's limit is told as such. Without it the container gives up on the whole form, the CSRF
 * token in it is not found and the citizen reads "form expired". A form too large is answered with
 * 303 to the request's page, which names the limit at the file field; nothing is stored.
 */
final class PortalUploads extends OncePerRequestFilter {

  static final Pattern UPLOAD = Pattern.compile(PortalRequests.MINE + "/([^/]+)/anlagen/?");

  /** The request page's mark for an upload that was too large. */
  static final String TOO_LARGE = "zu-gross";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return !"POST".equals(request.getMethod())
        || type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        || !UPLOAD.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.getParts();
    } catch (ServletException | IOException notAForm) {
      // no form at all (no boundary, a broken body): the CSRF check refuses it as it would have
      chain.doFilter(request, response);
      return;
    } catch (IllegalStateException tooLarge) {
      // Tomcat's answer to a part or a form over the multipart limits
      Matcher upload = UPLOAD.matcher(request.getRequestURI());
      upload.matches();
      String id = upload.group(1);
      response.setStatus(HttpStatus.SEE_OTHER.value());
      response.setHeader(
          "Location",
          request.getContextPath()
              + PortalRequests.MINE
              + "/"
              + (PortalDocuments.valid(id) && id.matches("[A-Za-z0-9-]+") ? id : "")
              + "?dokument="
              + TOO_LARGE
              + "#unterlagen");
      return;
    }
    chain.doFilter(request, response);
  }
}
