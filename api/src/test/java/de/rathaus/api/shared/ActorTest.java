package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class ActorTest {

  @Test
  void aClerkHasARoleAndADepartment() {
    Actor clara =
        Actor.of(
            new TestingAuthenticationToken(
                "clara",
                null,
                List.of(
                    new SimpleGrantedAuthority("ROLE_CLERK"),
                    new SimpleGrantedAuthority("DEPT_buergeramt"))));

    assertThat(clara)
        .isEqualTo(new Actor("clara", Role.CLERK, java.util.Optional.of("buergeramt")));
  }

  @Test
  void aCallerWithoutARoleIsNoActor() {
    assertThatThrownBy(() -> Actor.of(new TestingAuthenticationToken("x", null, List.of())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void tokenClaimsBecomeRoleAndDepartment() {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("u-4711")
            .claims(c -> c.putAll(Map.of("role", "clerk", "dept", "ordnungsamt")))
            .build();

    Actor actor = Actor.of(ProductionJwt.claimsToRoles("role", "dept").convert(jwt));

    assertThat(actor)
        .isEqualTo(new Actor("u-4711", Role.CLERK, java.util.Optional.of("ordnungsamt")));
  }
}
