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

  public boolean isClerkOf(ClerkId clerk, DepartmentCode department, Actor caller) {
    if (caller.id().equals(clerk.value())
        && caller.department().filter(department.value()::equals).isPresent()) {
      return true;
    }
    if (staff.getOrDefault(department.value(), List.of()).contains(clerk.value())) {
      return true;
    }
    return accounts.map(known -> isClerkAccount(known, clerk, department)).orElse(false);
  }

  private static boolean isClerkAccount(
      UserDetailsService known, ClerkId clerk, DepartmentCode department) {
    try {
      var authorities = known.loadUserByUsername(clerk.value()).getAuthorities();
      boolean clerkRole =
          authorities.stream().anyMatch(a -> a.getAuthority().equals(Role.CLERK.authority()));
      boolean ofDepartment =
          authorities.stream()
              .anyMatch(
                  a -> a.getAuthority().equals(Actor.departmentAuthority(department.value())));
      return clerkRole && ofDepartment;
    } catch (UsernameNotFoundException unknown) {
      return false;
    }
  }

  /** The assignee is not a clerk of the case's department. */
  public static final class NotAClerk extends RuntimeException {
    public NotAClerk() {
      super("The assignee is not a clerk of the department", null, false, false);
    }
  }
}
