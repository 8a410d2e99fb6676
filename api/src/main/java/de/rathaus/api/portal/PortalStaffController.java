package de.rathaus.api.portal;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The staff's start page: the tasks the signed-in role may do (moderation; for admins more). */
@Controller
@Hidden
@RequestMapping(PortalStaff.ROOT)
public class PortalStaffController {

  private final PortalTexts texts;

  public PortalStaffController(PortalTexts texts) {
    this.texts = texts;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalStaff.layout(request, model, texts);
  }

  @GetMapping
  String start() {
    return "portal/verwaltung/start";
  }
}
