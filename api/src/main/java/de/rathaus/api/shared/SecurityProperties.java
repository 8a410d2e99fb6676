package de.rathaus.api.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How production sign-in reads the identity provider's tokens ({@code RATHAUS_SECURITY_*}).
 *
 * @param issuer the identity provider's issuer: a token's {@code iss} must equal it (required under
 *     the production profile)
 * @param audience this engine's audience: a token's {@code aud} must contain it (required under the
 *     production profile)
 * @param roleClaim the claim holding the caller's role; default {@code rathaus_role}
 * @param departmentClaim the claim holding a clerk's department; default {@code rathaus_department}
 */
@ConfigurationProperties("rathaus.security")
public record SecurityProperties(
    String issuer, String audience, String roleClaim, String departmentClaim) {

  public SecurityProperties {
    issuer = issuer == null ? "" : issuer.strip();
    audience = audience == null ? "" : audience.strip();
    roleClaim = roleClaim == null || roleClaim.isBlank() ? "rathaus_role" : roleClaim;
    departmentClaim =
        departmentClaim == null || departmentClaim.isBlank()
            ? "rathaus_department"
            : departmentClaim;
  }
}
