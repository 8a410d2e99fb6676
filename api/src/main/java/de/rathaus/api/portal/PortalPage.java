package de.rathaus.api.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * What the layout of the public participation, statistics and transparency pages needs (as {@link
 * PortalController} gives its own pages), and their not-found answer.
 */
final class PortalPage {

  private PortalPage() {}

  static String language() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  /**
   * The city, the language, where the language switch returns to, the navigation's mark, the
   * signed-in person.
   */
  static void layout(HttpServletRequest request, Model model, PortalTexts texts, String nav) {
    String query = request.getQueryString();
    model.addAttribute("city", texts.cityName());
    model.addAttribute("cityIsDemo", texts.cityIsDemo());
    model.addAttribute("lang", language());
    model.addAttribute("here", request.getRequestURI() + (query == null ? "" : "?" + query));
    model.addAttribute("nav", nav);
    // the header: who is signed in (the sign-out), or the sign-in
    model.addAttribute("account", PortalViews.account());
  }

  /** The portal's 404 page: nothing is at this address (for the public). */
  static String notFound(Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("what", "page");
    return "portal/not-found";
  }
}
