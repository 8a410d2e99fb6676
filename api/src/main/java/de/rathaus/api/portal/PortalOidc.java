package de.rathaus.api.portal;

import de.rathaus.api.shared.ProductionJwt;
import de.rathaus.api.shared.SecurityProperties;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Production's sign-in to the portal: OpenID Connect's authorization code flow with the city's
 * identity provider, through Spring Security's OAuth2 client and its registration {@value
 * #REGISTRATION} ({@code spring.security.oauth2.client.registration.rathaus.*} and {@code
 * ...provider.rathaus.issuer-uri}). PKCE is used for every client, confidential ones too; the ID
 * token is checked by Spring (signature, issuer, audience, expiry, nonce); role and department come
 * from the same claims as the API's bearer tokens ({@code RATHAUS_SECURITY_ROLECLAIM}, {@code
 * RATHAUS_SECURITY_DEPARTMENTCLAIM}). All of it lives under {@code /portal}, so the portal's chain
 * alone answers it. Signing out ends the session here and, where the provider offers it, there.
 */
final class PortalOidc {

  static final String REGISTRATION = "rathaus";
  static final String AUTHORIZATION = PortalController.ROOT + "/oauth2/authorization";
  static final String START = AUTHORIZATION + "/" + REGISTRATION;
  static final String CALLBACK = PortalController.ROOT + "/login/oauth2/code/*";

  private PortalOidc() {}

  /**
   * The city's registration {@value #REGISTRATION}, its provider's answer sent to the portal's own
   * address ({@value #CALLBACK}, so that the portal's chain receives it), whatever redirect URI the
   * settings name; without it the start is refused (a sign-in that could never be reached).
   */
  static ClientRegistrationRepository checked(ClientRegistrationRepository registrations) {
    ClientRegistration city = registrations.findByRegistrationId(REGISTRATION);
    if (city == null) {
      throw new IllegalStateException(
          "The portal signs in through the OAuth2 client registration '"
              + REGISTRATION
              + "': set SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_RATHAUS_CLIENTID (and its"
              + " secret, scope openid) and SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_RATHAUS_ISSUERURI");
    }
    return new InMemoryClientRegistrationRepository(
        ClientRegistration.withClientRegistration(city)
            .redirectUri("{baseUrl}" + CALLBACK.replace("*", "{registrationId}"))
            .build());
  }

  /** Where a visitor who is not signed in goes: to the provider, through the engine's start. */
  static LoginUrlAuthenticationEntryPoint entry() {
    return new LoginUrlAuthenticationEntryPoint(START);
  }

  static void configure(
      HttpSecurity http,
      ClientRegistrationRepository registrations,
      SecurityProperties security,
      PortalRefusal refusal)
      throws Exception {
    DefaultOAuth2AuthorizationRequestResolver requests =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION);
    requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    OidcClientInitiatedLogoutSuccessHandler signedOut =
        new OidcClientInitiatedLogoutSuccessHandler(registrations);
    signedOut.setPostLogoutRedirectUri("{baseUrl}" + PortalController.ROOT);
    signedOut.setDefaultTargetUrl(PortalController.ROOT);
    http.oauth2Login(
            login ->
                login
                    .clientRegistrationRepository(registrations)
                    .loginPage(START)
                    .authorizationEndpoint(
                        endpoint ->
                            endpoint.baseUri(AUTHORIZATION).authorizationRequestResolver(requests))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri(CALLBACK))
                    .userInfoEndpoint(
                        user ->
                            user.userAuthoritiesMapper(
                                roles(security.roleClaim(), security.departmentClaim())))
                    .failureHandler(refusal::signInFailed))
        .logout(logout -> logout.logoutSuccessHandler(signedOut));
  }

  /** The engine's role and department from the ID token's (and user info's) claims. */
  static GrantedAuthoritiesMapper roles(String roleClaim, String departmentClaim) {
    return granted -> {
      for (GrantedAuthority authority : granted) {
        if (authority instanceof OidcUserAuthority oidc) {
          return ProductionJwt.authorities(oidc.getAttributes(), roleClaim, departmentClaim);
        }
      }
      return List.of();
    };
  }
}
