package de.rathaus.api.portal;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.transparency.Receipts;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The documents of a citizen's own request (the CITIZEN role, under {@link PortalRequests#MINE}):
 * the receipt of the submission, the same document as {@code GET /api/v1/requests/{id}/receipt}
 * ({@link Receipts}), to be saved; another citizen's request is the 404 page, as in the API.
 */
@Controller
@Hidden
@RequestMapping(PortalRequests.MINE + "/{id}")
public class PortalDocuments {

  private final PortalTexts texts;
  private final Receipts receipts;

  public PortalDocuments(PortalTexts texts, Receipts receipts) {
    this.texts = texts;
    this.receipts = receipts;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    String query = request.getQueryString();
    model.addAttribute("city", texts.cityName());
    model.addAttribute("cityIsDemo", texts.cityIsDemo());
    model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
    model.addAttribute("here", request.getRequestURI() + (query == null ? "" : "?" + query));
    model.addAttribute("account", PortalViews.account());
    model.addAttribute("nav", "mine");
  }

  /**
   * The receipt as the API answers it (JSON), as a file; before a signed checkpoint covers the
   * submission a page saying when to try again (202 with {@code Retry-After}, as the API).
   */
  @GetMapping("/quittung")
  Object receipt(
      @PathVariable String id, Authentication caller, HttpServletResponse response) {
    Optional<Receipts.Receipt> found =
        valid(id)
            ? receipts.of(new ServiceRequestId(id), new CitizenId(Actor.of(caller).id()))
            : Optional.empty();
    if (found.isEmpty()) {
      return notFound();
    }
    Receipts.Receipt receipt = found.get();
    if (!receipt.ready()) {
      ModelAndView page = new ModelAndView("portal/citizen/receipt-pending", HttpStatus.ACCEPTED);
      page.addObject("id", id);
      page.addObject("seconds", receipt.retryAfterSeconds());
      response.setHeader("Retry-After", Long.toString(receipt.retryAfterSeconds()));
      return page;
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("quittung-" + receipt.caseNumber() + ".json", StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(receipt.body());
  }

  static boolean valid(String id) {
    return id != null && !id.isBlank() && id.length() <= 100;
  }

  static ModelAndView notFound() {
    ModelAndView page = new ModelAndView("portal/not-found", HttpStatus.NOT_FOUND);
    page.addObject("nav", "mine");
    page.addObject("what", "request");
    return page;
  }
}
