package de.rathaus.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Who may call what. The API does not keep sessions: every request carries its credentials (HTTP
 * Basic with the demo accounts by default, or in demo mode the session of the login form; a bearer
 * token (OpenID Connect, JWT) under the {@code production} profile, with role and department taken
 * from configurable claims). Public resources are open to anyone; everything else needs a role;
 * what is not listed is refused. Refusals are problem details (401, 403). Rules on single items (a
 * citizen sees only their own request, a clerk only their department's cases) are checked by the
 * resources themselves and answer 404.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  public SecurityFilterChain api(
      HttpSecurity http,
      Problems problems,
      ObjectMapper json,
      Environment environment,
      @Value("${rathaus.security.role-claim:rathaus_role}") String roleClaim,
      @Value("${rathaus.security.department-claim:rathaus_department}") String departmentClaim)
      throws Exception {
    boolean production = environment.acceptsProfiles(Profiles.of("production"));
    if (production) {
      http.csrf(AbstractHttpConfigurer::disable)
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    } else {
      // demo: a browser signed in through the login form calls the API with its session, which
      // never starts here; such calls need the CSRF token, calls with credentials of their own not
      http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
          .csrf(
              csrf ->
                  csrf.csrfTokenRepository(CSRF_TOKENS)
                      .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                      .requireCsrfProtectionMatcher(SecurityConfiguration::sessionCallThatChanges));
    }
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                    .permitAll()
                    .requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/services",
                        "/api/v1/services/**",
                        "/api/v1/departments",
                        "/api/v1/departments/**",
                        "/api/v1/action-fields",
                        "/api/v1/consultations",
                        "/api/v1/consultations/**",
                        "/api/v1/proposals/**",
                        "/api/v1/statistics/**",
                        "/api/v1/open-data/**",
                        "/api/v1/audit/checkpoints",
                        "/open311/**")
                    .permitAll()
                    .requestMatchers("/api/v1/services", "/api/v1/services/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/v1/departments", "/api/v1/departments/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/v1/requests", "/api/v1/requests/**")
                    .hasRole(Role.CITIZEN.name())
                    .requestMatchers("/api/v1/cases", "/api/v1/cases/**")
                    .hasRole(Role.CLERK.name())
                    .requestMatchers("/api/v1/privacy/me")
                    .hasRole(Role.CITIZEN.name())
                    .requestMatchers("/api/v1/privacy/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/v1/audit/projections/*/rebuild")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/v1/audit/**")
                    .hasRole(Role.AUDITOR.name())
                    .anyRequest()
                    .denyAll())
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            problem(response, HttpStatus.UNAUTHORIZED, problems, json))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            problem(response, HttpStatus.FORBIDDEN, problems, json)));
    if (production) {
      http.oauth2ResourceServer(
          server ->
              server
                  .jwt(
                      jwt ->
                          jwt.jwtAuthenticationConverter(claimsToRoles(roleClaim, departmentClaim)))
                  .authenticationEntryPoint(
                      (request, response, e) ->
                          problem(response, HttpStatus.UNAUTHORIZED, problems, json)));
    } else {
      http.httpBasic(
          basic ->
              basic.authenticationEntryPoint(
                  (request, response, e) ->
                      problem(response, HttpStatus.UNAUTHORIZED, problems, json)));
    }
    return http.build();
  }

  /** Shared by both chains: the browser reads the token from a cookie and sends it as a header. */
  static final CookieCsrfTokenRepository CSRF_TOKENS =
      CookieCsrfTokenRepository.withHttpOnlyFalse();

  static boolean sessionCallThatChanges(HttpServletRequest request) {
    String method = request.getMethod();
    boolean changes =
        !(method.equals("GET")
            || method.equals("HEAD")
            || method.equals("OPTIONS")
            || method.equals("TRACE"));
    return changes
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && request.getSession(false) != null;
  }

  /**
   * Demo mode's login form (DESIGN.md section 6) for people trying the engine in a browser: sign in
   * at {@code /login} with a demo account; the session then opens the API to that browser (with the
   * CSRF token for changes, see above); {@code /logout} ends it. Not under production, where people
   * sign in at the city's identity provider.
   */
  @Bean
  @Order(1)
  @Profile("!production")
  public SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
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
        .formLogin(form -> form.defaultSuccessUrl("/", true))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
    return http.build();
  }

  private static void problem(
      HttpServletResponse response, HttpStatus status, Problems problems, ObjectMapper json)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Rathaus\", Bearer");
    }
    json.writeValue(
        response.getOutputStream(),
        problems.of(status, "http-" + status.value(), LocaleContextHolder.getLocale()));
  }

  /** Production: role and department from the token's claims (names configurable). */
  static Converter<Jwt, AbstractAuthenticationToken> claimsToRoles(
      String roles, String departments) {
    return jwt -> {
      Collection<GrantedAuthority> authorities = new ArrayList<>();
      Object role = jwt.getClaims().get(roles);
      for (Role candidate : Role.values()) {
        if (role != null && candidate.name().equalsIgnoreCase(role.toString())) {
          authorities.add(new SimpleGrantedAuthority(candidate.authority()));
        }
      }
      Object department = jwt.getClaims().get(departments);
      if (department != null) {
        authorities.add(new SimpleGrantedAuthority(Actor.DEPARTMENT_PREFIX + department));
      }
      return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    };
  }

  /** The demo accounts of DESIGN.md section 6; off under the production profile. */
  @Configuration(proxyBeanMethods = false)
  @Profile("!production")
  static class DemoAccounts {

    static final Map<String, List<String>> ACCOUNTS =
        Map.of(
            "anna", List.of(Role.CITIZEN.name()),
            "ben", List.of(Role.CITIZEN.name()),
            "clara", List.of(Role.CLERK.name(), "buergeramt"),
            "carl", List.of(Role.CLERK.name(), "ordnungsamt"),
            "mona", List.of(Role.MODERATOR.name()),
            "udo", List.of(Role.AUDITOR.name()),
            "ada", List.of(Role.ADMIN.name()));

    @Bean
    PasswordEncoder passwordEncoder() {
      return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService demoAccounts(
        PasswordEncoder encoder, @Value("${rathaus.demo.password:demo}") String password) {
      String hashed = encoder.encode(password);
      List<UserDetails> users = new ArrayList<>();
      ACCOUNTS.forEach(
          (name, grants) -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority(Role.valueOf(grants.get(0)).authority()));
            if (grants.size() > 1) {
              authorities.add(new SimpleGrantedAuthority(Actor.DEPARTMENT_PREFIX + grants.get(1)));
            }
            users.add(User.withUsername(name).password(hashed).authorities(authorities).build());
          });
      return new InMemoryUserDetailsManager(users);
    }
  }
}
