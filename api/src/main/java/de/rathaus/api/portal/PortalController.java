package de.rathaus.api.portal;

import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.ServiceView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The portal's public pages: the start page, the service catalogue with search and a department
 * filter, a service's page, the legal pages, and the language switch (a form, so it works without
 * JavaScript, with Spring Security's CSRF token as every form of the portal). Not part of the API's
 * description ({@link Hidden}): these answer HTML for people.
 */
@Controller
@Hidden
@RequestMapping(PortalController.ROOT)
public class PortalController {

  /** Where the portal lives. */
  public static final String ROOT = "/portal";

  private final PortalCatalogue catalogue;
  private final PortalTexts texts;
  private final LocaleResolver languages;

  public PortalController(PortalCatalogue catalogue, PortalTexts texts, LocaleResolver languages) {
    this.catalogue = catalogue;
    this.texts = texts;
    this.languages = languages;
  }

  private static String language() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  /** What every page's layout shows: the city, the language, where the switch returns to. */
  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    String query = request.getQueryString();
    model.addAttribute("city", texts.cityName());
    model.addAttribute("cityIsDemo", texts.cityIsDemo());
    model.addAttribute("lang", language());
    model.addAttribute("here", request.getRequestURI() + (query == null ? "" : "?" + query));
    model.addAttribute("account", PortalViews.account());
  }

  @GetMapping
  String start(Model model) {
    model.addAttribute("departments", PortalViews.options(catalogue.departments(), language()));
    model.addAttribute("nav", "start");
    return "portal/start";
  }

  @GetMapping("/leistungen")
  String services(
      @RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "amt", required = false) String department,
      Model model,
      HttpServletResponse response) {
    String language = language();
    List<DepartmentView> departments = catalogue.departments();
    List<PortalViews.DepartmentOption> options = PortalViews.options(departments, language);
    String q = query == null ? "" : query.strip();
    String amt = department == null || department.isBlank() ? null : department.strip();
    model.addAttribute("q", q);
    model.addAttribute("amt", amt);
    model.addAttribute("departments", options);
    model.addAttribute("nav", "services");
    boolean tooLong = q.length() > CatalogueSearch.MAX_QUERY;
    boolean unknownDepartment =
        amt != null && options.stream().noneMatch(o -> o.code().equals(amt));
    model.addAttribute("queryError", tooLong);
    model.addAttribute("departmentError", unknownDepartment);
    if (tooLong || unknownDepartment) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("services", List.of());
      return "portal/services";
    }
    Map<String, DepartmentView> byCode = PortalViews.byCode(departments);
    model.addAttribute(
        "services",
        CatalogueSearch.find(catalogue.services(), q, amt, language).stream()
            .map(s -> PortalViews.summary(s, byCode, language))
            .toList());
    model.addAttribute("searched", !q.isEmpty() || amt != null);
    return "portal/services";
  }

  @GetMapping("/leistungen/{code}")
  String service(@PathVariable String code, Model model, HttpServletResponse response) {
    ServiceView service = catalogue.service(code).orElse(null);
    model.addAttribute("nav", "services");
    if (service == null) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return "portal/not-found";
    }
    model.addAttribute(
        "service",
        PortalViews.detail(service, PortalViews.byCode(catalogue.departments()), language()));
    return "portal/service";
  }

  @GetMapping("/impressum")
  String imprint(Model model) {
    model.addAttribute("text", texts.imprint(language()));
    model.addAttribute("nav", "imprint");
    return "portal/imprint";
  }

  @GetMapping("/datenschutz")
  String privacy(Model model) {
    model.addAttribute("text", texts.privacy(language()));
    model.addAttribute("nav", "privacy");
    return "portal/privacy";
  }

  @GetMapping("/barrierefreiheit")
  String accessibility(Model model) {
    String language = language();
    model.addAttribute("text", texts.accessibilityStatement(language));
    model.addAttribute("enforcement", texts.enforcement(language));
    model.addAttribute("email", texts.accessibilityEmail());
    model.addAttribute("phone", texts.accessibilityPhone());
    model.addAttribute("contactIsDemo", texts.contactIsDemo());
    model.addAttribute("nav", "accessibility");
    return "portal/accessibility";
  }

  /**
   * Switches the language and goes back to the page the visitor was on ({@code zurueck}), only ever
   * to a page of the portal: anything else (another host, a scheme, {@code //evil}) goes to the
   * start page, so the switch cannot be used to send people elsewhere.
   */
  @PostMapping("/sprache")
  ModelAndView switchLanguage(
      @RequestParam(name = "lang", required = false) String lang,
      @RequestParam(name = "zurueck", required = false) String back,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (lang == null || !PortalLanguage.supported(lang)) {
      ModelAndView refused = new ModelAndView("portal/bad-request", HttpStatus.BAD_REQUEST);
      refused.addObject("nav", "none");
      return refused;
    }
    languages.setLocale(request, response, Locale.forLanguageTag(lang));
    RedirectView back303 = new RedirectView(portalPage(back));
    back303.setStatusCode(HttpStatus.SEE_OTHER);
    back303.setExposeModelAttributes(false);
    return new ModelAndView(back303);
  }

  /** {@code target} if it is a page of the portal on this host, else the start page. */
  static String portalPage(String target) {
    if (target == null || target.isBlank() || target.contains("\\")) {
      return ROOT;
    }
    try {
      URI uri = new URI(target);
      String path = uri.normalize().getPath();
      boolean local = uri.getScheme() == null && uri.getRawAuthority() == null;
      boolean portal = path != null && (path.equals(ROOT) || path.startsWith(ROOT + "/"));
      return local && portal && !target.startsWith("//") ? uri.normalize().toASCIIString() : ROOT;
    } catch (java.net.URISyntaxException malformed) {
      return ROOT;
    }
  }
}
