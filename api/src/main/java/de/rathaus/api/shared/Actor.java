package de.rathaus.api.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in caller as the engine sees them: a pseudonymous id, a role, and for clerks their
 * department. Taken from the demo accounts or, in production, from the token's claims.
 *
 * @param id the account's id (demo: the user name; production: the token's subject)
 * @param role the role
 * @param department the clerk's department code, empty for other roles
 */
public record Actor(String id, Role role, Optional<String> department) {

  static final String DEPARTMENT_PREFIX = "DEPT_";

  /** The authority that puts a clerk in a department. */
  public static String departmentAuthority(String department) {
    return DEPARTMENT_PREFIX + department;
  }

  /** The actor behind an authenticated request. */
  public static Actor of(Authentication authentication) {
    return find(authentication)
        .orElseThrow(() -> new IllegalStateException("An authenticated caller without a role"));
  }

  /** The actor behind an authentication, if it carries one of the engine's roles. */
  public static Optional<Actor> find(Authentication authentication) {
    Role role = null;
    String department = null;
    for (GrantedAuthority granted : authentication.getAuthorities()) {
      String authority = granted.getAuthority();
      for (Role candidate : Role.values()) {
        if (candidate.authority().equals(authority)) {
          role = candidate;
        }
      }
      if (authority.startsWith(DEPARTMENT_PREFIX)) {
        department = authority.substring(DEPARTMENT_PREFIX.length());
      }
    }
    if (role == null) {
      return Optional.empty();
    }
    return Optional.of(new Actor(authentication.getName(), role, Optional.ofNullable(department)));
  }
}
