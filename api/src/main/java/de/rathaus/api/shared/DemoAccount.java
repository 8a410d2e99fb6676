package de.rathaus.api.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An account of demo mode (docs/design.md section 6), for trying the engine: a name, a role and,
 * for a clerk, the department. All share one password.
 *
 * @param name the user name, also the actor's id
 * @param role the role
 * @param department the clerk's department code, empty for other roles
 */
record DemoAccount(String name, Role role, Optional<String> department) {

  static final List<DemoAccount> ALL =
      List.of(
          new DemoAccount("anna", Role.CITIZEN, Optional.empty()),
          new DemoAccount("ben", Role.CITIZEN, Optional.empty()),
          new DemoAccount("clara", Role.CLERK, Optional.of("buergeramt")),
          new DemoAccount("carl", Role.CLERK, Optional.of("ordnungsamt")),
          new DemoAccount("mona", Role.MODERATOR, Optional.empty()),
          new DemoAccount("udo", Role.AUDITOR, Optional.empty()),
          new DemoAccount("ada", Role.ADMIN, Optional.empty()),
          new DemoAccount("otto", Role.OPERATOR, Optional.empty()));

  /** The account as Spring Security's user, with the (encoded) password. */
  UserDetails user(String encodedPassword) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(role.authority()));
    department.ifPresent(
        code -> authorities.add(new SimpleGrantedAuthority(Actor.DEPARTMENT_PREFIX + code)));
    return User.withUsername(name).password(encodedPassword).authorities(authorities).build();
  }
}
