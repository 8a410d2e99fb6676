package de.rathaus.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. The API does not keep sessions: every request carries its credentials (in
 * {@link DemoMode} HTTP Basic with the demo accounts, or the session of the login form: {@link
 * DemoSecurity}; under the {@code production} profile a bearer token (OpenID Connect, JWT) of the
 * configured issuer for the configured audience: {@link ProductionJwt}). Public resources are open
 * to anyone; everything else needs a role; what is not listed is refused ({@link AccessRules}).
 * Refusals are problem details, 401 and 403 ({@link ProblemEntryPoint}). Rules on single items (a
 * citizen sees only their own request, a clerk only their department's cases) are checked by the
 * resources themselves and answer 404.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  public ProblemEntryPoint problemEntryPoint(Problems problems, ObjectMapper json) {
    return new ProblemEntryPoint(problems, json);
  }

  @Bean
  public SecurityFilterChain api(HttpSecurity http, SignIn signIn, ProblemEntryPoint refusals)
      throws Exception {
    signIn.configure(http, refusals);
    http.authorizeHttpRequests(AccessRules::apply)
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
    return http.build();
  }
}
