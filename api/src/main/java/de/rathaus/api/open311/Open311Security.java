package de.rathaus.api.open311;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call Open311's paths: its own filter chain, before the API's. Reads are public; a
 * submission ({@code POST requests}) is authorized by its {@code api_key} alone, which the resource
 * checks ({@link de.rathaus.application.open311.Open311Keys}). Nothing here signs anyone in: no
 * HTTP Basic, no bearer token, no session (credentials of the API sent along are ignored, so an
 * Open311 client never acts as an account). With no ambient credential a browser could add by
 * itself (no cookie, no remembered password: the key is in the body, which another site's page does
 * not know), there is nothing for a CSRF token to protect, so this chain needs none. Every other
 * path under {@code /open311/} is refused (403, in the standard's error list); the API's chain with
 * its rules stays as strict as it was for every other path.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

  /** After the login form's chain (1), before the API's (last). */
  static final int ORDER = 2;

  @Bean
  @Order(ORDER)
  SecurityFilterChain open311(HttpSecurity http, Open311Errors refusals) throws Exception {
    http.securityMatcher(Open311Errors.PREFIX + "**")
        .csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(HttpMethod.GET, Open311Errors.PREFIX + "**")
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, Open311Errors.PREFIX + "**")
                    .permitAll()
                    // any method, so that one the resource does not take is told 405
                    .requestMatchers("/open311/v2/requests.json", "/open311/v2/requests.xml")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
    return http.build();
  }
}
