package de.rathaus.api.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of every answer (the engine's one {@link LocaleResolver}). The API's resources
 * answer in the language of {@code Accept-Language}, German by default, exactly as before. The
 * portal's pages are German or English: the visitor's choice from the language switch (a cookie,
 * {@value #COOKIE}, {@code HttpOnly}, {@code SameSite=Lax}, only for {@code /portal}), else the
 * better of the two for {@code Accept-Language}, else German.
 */
public final class PortalLanguage implements LocaleResolver {

  /** The cookie holding the visitor's choice. */
  static final String COOKIE = "rathaus-sprache";

  static final List<Locale> LANGUAGES = List.of(Locale.GERMAN, Locale.ENGLISH);

  private final AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
  private final AcceptHeaderLocaleResolver portalDefault = new AcceptHeaderLocaleResolver();
  private final CookieLocaleResolver portal = new CookieLocaleResolver(COOKIE);

  /**
   * {@code apiDefault}: the API's language without {@code Accept-Language} ({@code
   * spring.web.locale}); {@code secure}: the cookie only over HTTPS, as the session's ({@code
   * server.servlet.session.cookie.secure}, on under the production profile).
   */
  public PortalLanguage(Locale apiDefault, boolean secure) {
    portal.setCookieSecure(secure);
    api.setDefaultLocale(apiDefault);
    portalDefault.setSupportedLocales(LANGUAGES);
    portalDefault.setDefaultLocale(Locale.GERMAN);
    portal.setDefaultLocaleFunction(portalDefault::resolveLocale);
    portal.setCookiePath(PortalController.ROOT);
    portal.setCookieHttpOnly(true);
    portal.setCookieSameSite("Lax");
    portal.setCookieMaxAge(Duration.ofDays(365));
    portal.setRejectInvalidCookies(true);
  }

  /** Whether the request is one of the portal's. */
  static boolean isPortal(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(PortalController.ROOT) || path.startsWith(PortalController.ROOT + "/");
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (!isPortal(request)) {
      return api.resolveLocale(request);
    }
    Locale chosen = portal.resolveLocale(request);
    return supported(chosen.getLanguage())
        ? new Locale(chosen.getLanguage())
        : portalDefault.resolveLocale(request);
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    portal.setLocale(request, response, locale);
  }

  /** Whether the portal has pages in this language ({@code de}, {@code en}). */
  static boolean supported(String language) {
    return LANGUAGES.stream().anyMatch(l -> l.getLanguage().equals(language));
  }
}
