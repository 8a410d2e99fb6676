package de.rathaus.api.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Demo mode's way of signing in (docs/design.md section 6): HTTP Basic with the {@link
 * DemoAccount}s, and a login form for people trying the engine in a browser, whose session then
 * opens the API (with the CSRF token for changes). Only in {@link DemoMode}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMode.On.class)
@EnableConfigurationProperties(DemoProperties.class)
class DemoSecurity {

  /** Shared by both chains: the browser reads the token from a cookie and sends it as a header. */
  static final CookieCsrfTokenRepository CSRF_TOKENS =
      CookieCsrfTokenRepository.withHttpOnlyFalse();

  /**
   * The API in demo mode: HTTP Basic for programs, and the session of a browser signed in through
   * the login form (never started here). What a browser sends by itself must not act for its user
   * when another site's page makes it send: the session cookie, and Basic credentials it remembers
   * once the user typed them at its prompt. So a browser's changes need the CSRF token, whatever
   * signed them in (see {@link #needsCsrfToken}); programs sending credentials of their own (curl,
   * the city's systems) need none.
   */
  @Bean
  SignIn demoSignIn() {
    return (http, refusals) ->
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
            .csrf(
                csrf ->
                    csrf.csrfTokenRepository(CSRF_TOKENS)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(DemoSecurity::needsCsrfToken))
            .httpBasic(basic -> basic.authenticationEntryPoint(refusals));
  }

  /**
   * Headers only browsers send: {@code Origin} on every cross-origin request and every POST, and
   * the fetch metadata ({@code Sec-Fetch-*}), which pages cannot set or suppress. A program may
   * send them too, and then needs the token as a browser does.
   */
  private static final List<String> BROWSER_MARKERS =
      List.of(HttpHeaders.ORIGIN, "Sec-Fetch-Site", "Sec-Fetch-Mode", "Sec-Fetch-Dest");

  /**
   * A change (not GET, HEAD, OPTIONS or TRACE) needs the CSRF token when a browser may have added
   * its credentials by itself: on the login form's session (a call without credentials of its own),
   * or with credentials from a browser (its markers present).
   */
  static boolean needsCsrfToken(HttpServletRequest request) {
    String method = request.getMethod();
    boolean changes =
        !(method.equals("GET")
            || method.equals("HEAD")
            || method.equals("OPTIONS")
            || method.equals("TRACE"));
    if (!changes) {
      return false;
    }
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
      return request.getSession(false) != null;
    }
    return BROWSER_MARKERS.stream().anyMatch(marker -> request.getHeader(marker) != null);
  }

  /**
   * The login form: sign in at {@code /login} with a demo account; the session then opens the API
   * to that browser (with the CSRF token for changes, see above); {@code /logout} ends it. Not
   * under production, where people sign in at the city's identity provider.
   */
  @Bean
  @Order(1)
  SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
    http.securityMatcher("/login", "/logout", "/", "/index.html")
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(CSRF_TOKENS)
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        // the token is made lazily; the page needs its cookie for the logout form and API calls
        .addFilterAfter(
            (request, response, chain) -> {
              if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
              }
              chain.doFilter(request, response);
            },
            CsrfFilter.class)
        .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
        // back to the portal page that asked for the sign-in, else to the start page as before
        .formLogin(form -> form.successHandler(backToThePortal()))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
    return http.build();
  }

  private static SavedRequestAwareAuthenticationSuccessHandler backToThePortal() {
    SavedRequestAwareAuthenticationSuccessHandler success =
        new SavedRequestAwareAuthenticationSuccessHandler();
    success.setDefaultTargetUrl("/");
    success.setRequestCache(PortalSignInReturn.cache());
    return success;
  }

  /**
   * The demo accounts' password is checked on every call (HTTP Basic). A slow hash protects stored
   * hashes from being guessed offline; this one is made at the start and never leaves memory, so
   * the cost of Spring's default (bcrypt 10, about 80 ms a call here) bought nothing but slowness.
   * bcrypt at its lowest cost (4, about 1 ms) keeps the comparison in constant time.
   */
  static final int DEMO_PASSWORD_COST = 4;

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder(DEMO_PASSWORD_COST);
  }

  @Bean
  UserDetailsService demoAccounts(PasswordEncoder encoder, DemoProperties demo) {
    String encoded = encoder.encode(demo.password());
    return new InMemoryUserDetailsManager(
        DemoAccount.ALL.stream().map(account -> account.user(encoded)).toList());
  }
}
