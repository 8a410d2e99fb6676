package de.rathaus.api.portal;

import de.rathaus.api.shared.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the layout shows the auditors' entry in the navigation: to auditors only. */
@ControllerAdvice(basePackageClasses = PortalController.class)
class PortalAuditNavigation {

  @ModelAttribute("auditorNav")
  boolean auditorNav() {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    return signedIn != null
        && signedIn.getAuthorities().stream()
            .anyMatch(a -> Role.AUDITOR.authority().equals(a.getAuthority()));
  }
}
