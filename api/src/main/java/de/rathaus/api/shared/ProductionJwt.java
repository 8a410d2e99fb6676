package de.rathaus.api.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Production's way of signing in: OpenID Connect bearer tokens (JWT) of the city's identity
 * provider, checked by Spring's resource server against the configured key, issued by the
 * configured issuer for the configured audience (both required: a token of the same provider for
 * another application is no key to this one), with role and department taken from configurable
 * claims. No sessions, so no CSRF token. Whenever {@link DemoMode} is off, that is under the
 * production profile.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMode.Off.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class ProductionJwt {

  @Bean
  SignIn bearerTokens(SecurityProperties security) {
    String roleClaim = security.roleClaim();
    String departmentClaim = security.departmentClaim();
    return (http, refusals) ->
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .oauth2ResourceServer(
                server ->
                    server
                        .jwt(
                            jwt ->
                                jwt.jwtAuthenticationConverter(
                                    claimsToRoles(roleClaim, departmentClaim)))
                        .authenticationEntryPoint(refusals));
  }

  /**
   * Which tokens are for this engine: issued by {@code rathaus.security.issuer} ({@code iss}) for
   * {@code rathaus.security.audience} (one of {@code aud}). Spring's resource server adds it to the
   * checks of signature and expiry of the decoder it makes from the key. Without either the engine
   * does not start: a key alone accepts every token its provider signs.
   */
  @Bean
  OAuth2TokenValidator<Jwt> issuerAndAudience(SecurityProperties security) {
    String issuer = security.issuer();
    String audience = security.audience();
    if (issuer.isBlank() || audience.isBlank()) {
      throw new IllegalStateException(
          "The production profile needs the identity provider's issuer and this engine's audience:"
              + " set RATHAUS_SECURITY_ISSUER and RATHAUS_SECURITY_AUDIENCE");
    }
    return new DelegatingOAuth2TokenValidator<>(
        new JwtIssuerValidator(issuer),
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD, granted -> granted != null && granted.contains(audience)));
  }

  /** Role and department from the token's claims (names configurable). */
  static Converter<Jwt, AbstractAuthenticationToken> claimsToRoles(
      String roles, String departments) {
    return jwt ->
        new JwtAuthenticationToken(
            jwt, authorities(jwt.getClaims(), roles, departments), jwt.getSubject());
  }

  /**
   * The engine's authorities from an identity provider's claims: the role named by the claim {@code
   * roles} (one of {@link Role}, any case; another value gives none) and the department named by
   * the claim {@code departments}. The API's bearer tokens and the portal's OpenID Connect sign-in
   * read them alike.
   */
  public static List<GrantedAuthority> authorities(
      Map<String, Object> claims, String roles, String departments) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    Object role = claims.get(roles);
    for (Role candidate : Role.values()) {
      if (role != null && candidate.name().equalsIgnoreCase(role.toString())) {
        authorities.add(new SimpleGrantedAuthority(candidate.authority()));
      }
    }
    Object department = claims.get(departments);
    if (department != null) {
      authorities.add(new SimpleGrantedAuthority(Actor.DEPARTMENT_PREFIX + department));
    }
    return authorities;
  }
}
