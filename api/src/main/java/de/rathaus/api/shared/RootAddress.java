package de.rathaus.api.shared;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The engine's own address, outside demo mode: a person who types it in reaches the portal (302 to
 * {@code /portal}). In demo mode the address is the demo's index page, which links to the portal
 * and names the demo accounts.
 */
@Controller
@Hidden
@Conditional(DemoMode.Off.class)
public class RootAddress {

  @GetMapping("/")
  RedirectView portal() {
    RedirectView portal = new RedirectView("/portal");
    portal.setStatusCode(HttpStatus.FOUND);
    return portal;
  }
}
