package de.rathaus.api.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address under {@code /portal} that no page has answers the portal's 404 page (in the visitor's
 * language, with the layout's links), not the API's problem document. Everything else is left to
 * the engine's error handling: this resolver is asked first and answers only for that.
 */
final class PortalNotFound implements HandlerExceptionResolver, Ordered {

  private final PortalTexts texts;
  private final LocaleResolver languages;

  PortalNotFound(PortalTexts texts, LocaleResolver languages) {
    this.texts = texts;
    this.languages = languages;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!(ex instanceof NoResourceFoundException) || !PortalLanguage.isPortal(request)) {
      return null;
    }
    ModelAndView page = new ModelAndView("portal/not-found", HttpStatus.NOT_FOUND);
    page.addObject("city", texts.cityName());
    page.addObject("cityIsDemo", texts.cityIsDemo());
    page.addObject("lang", languages.resolveLocale(request).getLanguage());
    page.addObject("here", PortalController.ROOT);
    page.addObject("nav", "none");
    page.addObject("account", PortalViews.account());
    page.addObject("what", "page");
    return page;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
