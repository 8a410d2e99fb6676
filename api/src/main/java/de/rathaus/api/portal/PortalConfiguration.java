package de.rathaus.api.portal;

import de.rathaus.api.shared.DemoMode;
import de.rathaus.api.shared.PortalSignInReturn;
import de.rathaus.api.shared.Role;
import de.rathaus.api.shared.SecurityProperties;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ViewResolver;

/**
 * The portal's beans and its own security filter chain, which answers only the portal's paths (so
 * the API's chain and its rules stay as they are): the public pages are open to everyone, the
 * citizen's own pages ({@link PortalRequests}) need the CITIZEN role (in demo mode signed in
 * through the login form); forms carry Spring Security's CSRF token (kept in the session, whose
 * cookie is {@code HttpOnly} and {@code SameSite=Lax}: {@code server.servlet.session.cookie.*});
 * every page is sent with a Content-Security-Policy that allows scripts, styles, images and fonts
 * from the engine itself only, and no inline script or style at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PortalProperties.class, PortalMap.Settings.class})
public class PortalConfiguration {

  /** The portal's Content-Security-Policy: nothing inline, nothing from another host. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
          + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /** The city's texts; outside demo mode a missing one refuses the start. */
  @Bean
  PortalTexts portalTexts(PortalProperties properties, Environment environment) {
    return PortalTexts.of(properties, DemoMode.of(environment));
  }

  /** The report form's map; a tile address that is not safe refuses the start. */
  @Bean
  PortalMap portalMap(PortalMap.Settings settings) {
    return PortalMap.of(settings);
  }

  /** Leaflet's files from its WebJar, under the portal's own address (no third-party host). */
  @Bean
  org.springframework.web.servlet.config.annotation.WebMvcConfigurer portalMapAssets() {
    String location = PortalMap.webJarLocation();
    return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
      @Override
      public void addResourceHandlers(
          org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry registry) {
        registry
            .addResourceHandler(PortalMap.ASSETS + "**")
            .addResourceLocations(location)
            .setCacheControl(
                org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(1)));
      }
    };
  }

  @Bean
  PortalCatalogue portalCatalogue(QueryGateway queries) {
    return new PortalCatalogue(queries);
  }

  /**
   * The engine's language resolver (in place of Spring Boot's, which is made only when none is
   * defined): for the API the same as Spring Boot's ({@code Accept-Language}, default {@code
   * spring.web.locale}), for the portal the visitor's choice first ({@link PortalLanguage}).
   */
  @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  LocaleResolver localeResolver(Environment environment) {
    return new PortalLanguage(
        Locale.forLanguageTag(environment.getProperty("spring.web.locale", "de").replace('_', '-')),
        environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false));
  }

  /** Unknown addresses under {@code /portal}: the portal's 404 page. */
  @Bean
  PortalNotFound portalNotFound(PortalTexts texts, LocaleResolver languages) {
    return new PortalNotFound(texts, languages);
  }

  /**
   * Not signed in: on a citizen's page, the demo login form (which sends the person back to the
   * page) or, outside demo mode, a page saying that signing in is not available yet; anything else
   * the portal refuses stays a plain 403.
   */
  private static AuthenticationEntryPoint signIn(
      PortalRefusal refusal, DemoMode mode, boolean oidc) {
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> citizens = new LinkedHashMap<>();
    citizens.put(
        new OrRequestMatcher(
            AntPathRequestMatcher.antMatcher(PortalRequests.FORM),
            AntPathRequestMatcher.antMatcher(PortalRequests.MINE),
            AntPathRequestMatcher.antMatcher(PortalRequests.MINE + "/**"),
            AntPathRequestMatcher.antMatcher(PortalMyData.ROOT),
            AntPathRequestMatcher.antMatcher(PortalMyData.ROOT + "/**"),
            AntPathRequestMatcher.antMatcher(PortalHome.SIGN_IN),
            AntPathRequestMatcher.antMatcher(PortalCases.ROOT),
            AntPathRequestMatcher.antMatcher(PortalCases.ROOT + "/**"),
            // --- audit: the auditors' pages
            AntPathRequestMatcher.antMatcher(PortalAuditTrail.ROOT),
            AntPathRequestMatcher.antMatcher(PortalAuditTrail.ROOT + "/**"),
            // the staff's pages (moderators and administrators)
            AntPathRequestMatcher.antMatcher(PortalStaff.ROOT),
            AntPathRequestMatcher.antMatcher(PortalStaff.ROOT + "/**")),
        mode == DemoMode.ON
            ? new LoginUrlAuthenticationEntryPoint("/login")
            : oidc ? PortalOidc.entry() : refusal::signInUnavailable);
    // taking part in e-participation (PortalParticipating): the same, and back to the page after
    citizens.put(
        new OrRequestMatcher(
            java.util.Arrays.stream(PortalParticipating.CITIZENS)
                .map(path -> (RequestMatcher) AntPathRequestMatcher.antMatcher(path))
                .toList()),
        mode == DemoMode.ON
            ? new LoginUrlAuthenticationEntryPoint("/login")
            : oidc ? PortalOidc.entry() : refusal::signInUnavailable);
    DelegatingAuthenticationEntryPoint entry = new DelegatingAuthenticationEntryPoint(citizens);
    entry.setDefaultEntryPoint(new Http403ForbiddenEntryPoint());
    return entry;
  }

  @Bean
  @Order(2)
  SecurityFilterChain portal(
      HttpSecurity http,
      PortalTexts texts,
      @Qualifier("thymeleafViewResolver") ViewResolver views,
      LocaleResolver languages,
      Environment environment,
      ObjectProvider<ClientRegistrationRepository> registrations,
      ObjectProvider<SecurityProperties> security)
      throws Exception {
    PortalRefusal refusal = new PortalRefusal(views, texts, languages);
    DemoMode mode = DemoMode.of(environment);
    // production with the city's OpenID Connect provider configured: sign in there
    ClientRegistrationRepository oidc = mode == DemoMode.ON ? null : registrations.getIfAvailable();
    if (oidc != null) {
      PortalOidc.configure(http, PortalOidc.checked(oidc), security.getObject(), refusal);
    }
    String citizen = Role.CITIZEN.authority();
    http.securityMatcher(PortalController.ROOT, PortalController.ROOT + "/**")
        .authorizeHttpRequests(
            authorize ->
                authorize
                    // the citizen's own pages and forms (signed in through the demo login form)
                    .requestMatchers(
                        PortalRequests.FORM,
                        PortalRequests.MINE,
                        PortalRequests.MINE + "/**",
                        PortalMyData.ROOT,
                        PortalMyData.ROOT + "/**")
                    .hasAuthority(citizen)
                    // the header's sign-in: to the pages of the person's role
                    .requestMatchers(PortalHome.SIGN_IN)
                    .authenticated()
                    // the clerks' queue and cases
                    .requestMatchers(PortalCases.ROOT, PortalCases.ROOT + "/**")
                    .hasAuthority(Role.CLERK.authority())
                    // --- audit: the verification for auditors, the trail, histories and read
                    // models for auditors and administrators (as AccessRules has the API's)
                    .requestMatchers(
                        PortalAuditTrail.VERIFICATION, PortalAuditTrail.VERIFICATION + "/**")
                    .hasAuthority(Role.AUDITOR.authority())
                    .requestMatchers(PortalAuditTrail.ROOT, PortalAuditTrail.ROOT + "/**")
                    .hasAnyAuthority(Role.AUDITOR.authority(), Role.ADMIN.authority())
                    // taking part: proposing, supporting, commenting, rating (PortalParticipating)
                    .requestMatchers(PortalParticipating.CITIZENS)
                    .hasAuthority(citizen)
                    // the staff's pages: moderation for moderators and administrators, the rest
                    // (catalogue, consultations, Open311 keys, erasure) for administrators
                    .requestMatchers(PortalStaff.FOR_MODERATORS)
                    .hasAnyAuthority(Role.MODERATOR.authority(), Role.ADMIN.authority())
                    .requestMatchers(PortalStaff.FOR_ADMINS)
                    .hasAuthority(Role.ADMIN.authority())
                    .requestMatchers(
                        HttpMethod.GET, PortalController.ROOT, PortalController.ROOT + "/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, PortalController.ROOT + "/sprache")
                    .permitAll()
                    // the answer of the city's identity provider (production's sign-in)
                    .requestMatchers(PortalOidc.CALLBACK)
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository()))
        // a form without a valid token (an expired session): a page saying so, with a new token;
        // a page of another role's: a 403 page; not signed in: the login form, and back after it
        .exceptionHandling(
            errors ->
                errors
                    .accessDeniedHandler(refusal)
                    .authenticationEntryPoint(signIn(refusal, mode, oidc != null)))
        .requestCache(cache -> cache.requestCache(PortalSignInReturn.cache()))
        .logout(
            logout ->
                logout
                    .logoutUrl(PortalRequests.SIGN_OUT)
                    .logoutSuccessUrl(PortalController.ROOT)
                    .permitAll())
        // a document's upload over the limit is told as such, not as a form without its token
        .addFilterBefore(new PortalUploads(), CsrfFilter.class)
        // the token is made lazily; make it before the page is written, while a session can
        // still be started (the layout's language switch is a form)
        .addFilterAfter(
            (request, response, chain) -> {
              if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
              }
              chain.doFilter(request, response);
            },
            CsrfFilter.class)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }
}
