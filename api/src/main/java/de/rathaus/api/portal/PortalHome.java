package de.rathaus.api.portal;

import de.rathaus.api.shared.Role;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The header's "sign in": once signed in (the portal's chain sends whoever is not to the sign-in
 * first, and back here after it), each person goes to the pages of their role: a citizen to their
 * requests, a clerk to the work queue, a moderator to the moderation, an administrator to the
 * staff's pages, an auditor to the audit trail; a role without pages of its own (the operator) to
 * the start page.
 */
@Controller
@Hidden
public class PortalHome {

  static final String SIGN_IN = PortalController.ROOT + "/anmelden";

  /** Where each role starts, in this order when a person has several roles. */
  static final Map<String, String> HOMES = new LinkedHashMap<>();

  static {
    HOMES.put(Role.CITIZEN.authority(), PortalRequests.MINE);
    HOMES.put(Role.CLERK.authority(), PortalCases.ROOT);
    HOMES.put(Role.MODERATOR.authority(), PortalStaff.MODERATION);
    HOMES.put(Role.ADMIN.authority(), PortalStaff.ROOT);
    HOMES.put(Role.AUDITOR.authority(), PortalAuditTrail.ROOT + "/ereignisse");
  }

  @GetMapping(SIGN_IN)
  ModelAndView signedIn(Authentication caller) {
    return PortalRequests.seeOther(home(caller));
  }

  static String home(Authentication caller) {
    return HOMES.entrySet().stream()
        .filter(
            home ->
                caller.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .anyMatch(home.getKey()::equals))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(PortalController.ROOT);
  }
}
