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
   * Whether {@code clerk} is a clerk of {@code department}, as far as the engine knows: the caller
   * themselves when it is their own department, someone the city lists under that department (a
   * clerk may be listed under several), or someone whose account gives them that department. Asked
   * per department, so the answer never depends on the order the settings were read in.
   */
  public boolean isClerkOf(ClerkId clerk, DepartmentCode department, Actor caller) {
    if (caller.id().equals(clerk.value()) && caller.department().isPresent()) {
      return caller.department().get().equals(department.value());
    }
    if (staff.getOrDefault(department.value(), List.of()).contains(clerk.value())) {
      return true;
    }
    return accounts.map(known -> departmentsOfAccount(known, clerk)).orElse(List.of()).stream()
        .anyMatch(department::equals);
  }

  private static List<DepartmentCode> departmentsOfAccount(
      UserDetailsService known, ClerkId clerk) {
    try {
      var authorities = known.loadUserByUsername(clerk.value()).getAuthorities();
      if (authorities.stream().noneMatch(a -> a.getAuthority().equals(Role.CLERK.authority()))) {
        return List.of();
      }
      return authorities.stream()
          .map(a -> a.getAuthority())
          .filter(a -> a.startsWith(Actor.departmentAuthority("")))
          .map(a -> new DepartmentCode(a.substring(Actor.departmentAuthority("").length())))
          .toList();
    } catch (UsernameNotFoundException unknown) {
      return List.of();
    }
  }
}
