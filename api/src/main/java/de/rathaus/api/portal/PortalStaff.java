package de.rathaus.api.portal;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The staff's pages under {@value #ROOT} (moderators and administrators, the roles the API's access
 * rules give the same resources): where they live, who may open which, what their layout needs, and
 * the navigation's entry, which every portal page shows only to staff.
 */
@ControllerAdvice(basePackageClasses = PortalStaff.class)
public class PortalStaff {

  /** Where the staff's pages live. */
  public static final String ROOT = PortalController.ROOT + "/verwaltung";

  /** Moderation: moderators and administrators, as {@code /api/v1/proposals/{id}/moderation}. */
  static final String MODERATION = ROOT + "/moderation";

  /** The paths for moderators and administrators; every other staff page is for admins only. */
  static final String[] FOR_MODERATORS = {ROOT, MODERATION, MODERATION + "/**"};

  static final String[] FOR_ADMINS = {ROOT + "/**"};

  /** The signed-in person's role, if they are staff (moderator or administrator). */
  static Optional<Role> staffRole() {
    org.springframework.security.core.Authentication signedIn =
        SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null) {
      return Optional.empty();
    }
    return Actor.find(signedIn)
        .map(Actor::role)
        .filter(role -> role == Role.MODERATOR || role == Role.ADMIN);
  }

  /** The navigation's entry for staff: {@code true} for moderators and administrators. */
  @ModelAttribute("staffNav")
  boolean staffNav() {
    return staffRole().isPresent();
  }

  /** What every staff page's layout needs. */
  static void layout(HttpServletRequest request, Model model, PortalTexts texts) {
    PortalPage.layout(request, model, texts, "staff");
    model.addAttribute("account", PortalViews.account());
    model.addAttribute("admin", staffRole().filter(r -> r == Role.ADMIN).isPresent());
  }

  /** The portal's 404 page on a staff page: nothing is known at this address. */
  static ModelAndView notFound() {
    ModelAndView page = new ModelAndView("portal/not-found", HttpStatus.NOT_FOUND);
    page.addObject("what", "page");
    return page;
  }

  /** Post/Redirect/Get: 303 to the page that shows the result. */
  static ModelAndView seeOther(String target) {
    RedirectView redirect = new RedirectView(target);
    redirect.setStatusCode(HttpStatus.SEE_OTHER);
    redirect.setExposeModelAttributes(false);
    return new ModelAndView(redirect);
  }

  /** A text as sent: stripped, {@code null} when blank. */
  static String given(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
