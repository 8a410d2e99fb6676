package de.rathaus.api.shared;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Where the demo login form sends a person back to after signing in: the page of the portal that
 * sent them there (a GET under {@code /portal}, remembered in the session under its own name, so
 * that nothing the API's chain remembers is ever followed), else the start page as before.
 */
public final class PortalSignInReturn {

  private PortalSignInReturn() {}

  /** The session attribute holding the portal page to return to. */
  static final String ATTRIBUTE = "RATHAUS_PORTAL_RETURN";

  /** The cache both chains use: the portal's saves, the login form's success reads. */
  public static HttpSessionRequestCache cache() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setSessionAttrName(ATTRIBUTE);
    cache.setRequestMatcher(new AntPathRequestMatcher("/portal/**", HttpMethod.GET.name()));
    cache.setMatchingRequestParameterName(null);
    return cache;
  }
}
