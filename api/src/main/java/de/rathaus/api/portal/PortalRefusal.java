package de.rathaus.api.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * A form of the portal sent without a valid CSRF token (most often: the visitor's session expired
 * while the page stayed open) is answered by a page, not a problem document: 403, saying what
 * happened, with the layout and so a fresh token in its forms, so that the visitor can simply send
 * again. Any other refusal stays the engine's 403.
 */
final class PortalRefusal implements AccessDeniedHandler {

  private final ViewResolver views;
  private final PortalTexts texts;
  private final LocaleResolver languages;

  PortalRefusal(ViewResolver views, PortalTexts texts, LocaleResolver languages) {
    this.views = views;
    this.texts = texts;
    this.languages = languages;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
      throws IOException {
    if (!(refused instanceof CsrfException)) {
      // signed in, but with another role than the page needs
      render("portal/forbidden", HttpStatus.FORBIDDEN, request, response);
      return;
    }
    render("portal/expired", HttpStatus.FORBIDDEN, request, response);
  }

  /**
   * Not signed in, outside demo mode, where the city configured no OpenID Connect sign-in for the
   * portal ({@link PortalOidc}): the page says that these pages cannot be reached here (401).
   */
  void signInUnavailable(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.core.AuthenticationException notSignedIn)
      throws IOException {
    render("portal/sign-in-unavailable", HttpStatus.UNAUTHORIZED, request, response);
  }

  /**
   * The city's identity provider did not sign the person in (they cancelled, or its answer did not
   * hold: another state, a token that fails its checks): a page saying so, with the way back (401).
   * Why exactly stays out of the page and the log, which would otherwise quote what was sent.
   */
  void signInFailed(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.core.AuthenticationException failed)
      throws IOException {
    render("portal/sign-in-failed", HttpStatus.UNAUTHORIZED, request, response);
  }

  private void render(
      String page, HttpStatus status, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String language = languages.resolveLocale(request).getLanguage();
    Map<String, Object> model = new HashMap<>();
    model.put("city", texts.cityName());
    model.put("cityIsDemo", texts.cityIsDemo());
    model.put("lang", language);
    model.put("here", PortalController.portalPage(request.getParameter("zurueck")));
    model.put("nav", "none");
    model.put("account", PortalViews.account());
    response.setStatus(status.value());
    try {
      View view = views.resolveViewName(page, Locale.forLanguageTag(language));
      if (view == null) {
        throw new IllegalStateException("The portal's page " + page + " is missing");
      }
      view.render(model, request, response);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("The portal's refusal page could not be shown", e);
    }
  }
}
