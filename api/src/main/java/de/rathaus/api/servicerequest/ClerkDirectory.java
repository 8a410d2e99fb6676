package de.rathaus.api.servicerequest;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Role;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.shared.DepartmentCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who may be assigned a department's cases: its clerks. A clerk may always take a case of their own
 * department; a colleague counts as a clerk of the department if the sign-in knows them as such
 * (the demo accounts) or the city lists them under {@code rathaus.staff.<department>} (production,
 * where the identity provider holds the staff and the engine sees only the callers' tokens).
 */
public class ClerkDirectory {

  private final Optional<UserDetailsService> accounts;
  private final Map<String, List<String>> staff;

  public ClerkDirectory(Optional<UserDetailsService> accounts, Map<String, List<String>> staff) {
    this.accounts = accounts;
    this.staff = Map.copyOf(staff);
  }

  /**
   * The department whose clerk {@code clerk} is, as far as the engine knows: the caller's own
   * department when they name themselves, a department that lists them, or the one their account
   * gives them; empty when they are no clerk the engine knows.
   */
  public Optional<DepartmentCode> departmentOf(ClerkId clerk, Actor caller) {
    if (caller.id().equals(clerk.value()) && caller.department().isPresent()) {
      return caller.department().map(DepartmentCode::new);
    }
    for (Map.Entry<String, List<String>> department : staff.entrySet()) {
      if (department.getValue().contains(clerk.value())) {
        return Optional.of(new DepartmentCode(department.getKey()));
      }
    }
    return accounts.flatMap(known -> departmentOfAccount(known, clerk));
  }

  private static Optional<DepartmentCode> departmentOfAccount(
      UserDetailsService known, ClerkId clerk) {
    try {
      var authorities = known.loadUserByUsername(clerk.value()).getAuthorities();
      if (authorities.stream().noneMatch(a -> a.getAuthority().equals(Role.CLERK.authority()))) {
        return Optional.empty();
      }
      return authorities.stream()
          .map(a -> a.getAuthority())
          .filter(a -> a.startsWith(Actor.departmentAuthority("")))
          .map(a -> new DepartmentCode(a.substring(Actor.departmentAuthority("").length())))
          .findFirst();
    } catch (UsernameNotFoundException unknown) {
      return Optional.empty();
    }
  }
}
