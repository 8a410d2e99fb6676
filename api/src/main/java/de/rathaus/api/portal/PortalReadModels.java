package de.rathaus.api.portal;

import de.rathaus.api.audit.ProjectionController;
import de.rathaus.api.shared.ReadModelRebuilds;
import de.rathaus.api.shared.ReadModelRebuilds.Progress;
import de.rathaus.api.shared.ReadModelRebuilds.Standing;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The read models by name, for auditors and administrators (as {@code /api/v1/audit/projections}):
 * where each stands, the progress of its rebuild, and the rebuild itself (a form, POST with the
 * CSRF token, then 303 back to the list, which shows the rebuild under way). The same {@link
 * ReadModelRebuilds} as the API's. Without JavaScript the page shows the progress as it was when
 * loaded, with a link to load it again; {@code lesemodelle.js} follows it every second through
 * {@code GET /api/v1/audit/projections/{name}} (which the portal's session opens in demo mode).
 */
@Controller
@Hidden
@RequestMapping(PortalReadModels.ROOT)
public class PortalReadModels {

  static final String ROOT = PortalAuditTrail.ROOT + "/lesemodelle";

  /**
   * This page's policy: the portal's, and the progress may be read from the engine itself ({@code
   * connect-src 'self'}, which the portal's {@code default-src 'none'} refuses otherwise). Spring
   * Security's header writer leaves a policy the page set alone.
   */
  static final String CONTENT_SECURITY_POLICY =
      PortalConfiguration.CONTENT_SECURITY_POLICY + "; connect-src 'self'";

  private final ReadModelRebuilds rebuilds;
  private final PortalTexts texts;
  private final ProjectionController projections;

  public PortalReadModels(
      ReadModelRebuilds rebuilds, PortalTexts texts, ProjectionController projections) {
    this.rebuilds = rebuilds;
    this.texts = texts;
    this.projections = projections;
  }

  /**
   * The read model and its rebuild's progress, exactly as {@code GET
   * /api/v1/audit/projections/{name}} answers, for the page's script: under the portal's sign-in
   * (the API itself takes bearer tokens outside demo mode, which a browser session does not hold).
   */
  @GetMapping(path = "/{name}/stand", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ProjectionController.ProjectionResource standing(@PathVariable String name) {
    return projections.get(name);
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model, HttpServletResponse response) {
    PortalPage.layout(request, model, texts, "audit");
    model.addAttribute("account", PortalViews.account());
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }

  /** A read model as the page shows it, with its rebuild's progress (null if none ran here). */
  record Shown(
      String name,
      int version,
      int generation,
      String status,
      Long position,
      Long lag,
      Rebuild rebuild) {}

  /** A rebuild: how far, in events and per cent, and how it stands. */
  record Rebuild(
      String status,
      String reason,
      long done,
      long total,
      int percent,
      boolean active,
      PortalAuditViews.When startedAt,
      PortalAuditViews.When finishedAt) {

    static Rebuild of(Progress p, String language) {
      boolean done = p.status() == ReadModelRebuilds.RunStatus.DONE;
      long total = Math.max(p.total(), p.done());
      int percent =
          done || total == 0 ? (done ? 100 : 0) : (int) Math.min(100, p.done() * 100 / total);
      return new Rebuild(
          p.status().name(),
          p.reason().name(),
          p.done(),
          done ? Math.max(total, p.done()) : total,
          percent,
          p.status() == ReadModelRebuilds.RunStatus.RUNNING
              || p.status() == ReadModelRebuilds.RunStatus.SWITCHING,
          PortalAuditViews.When.of(p.startedAt(), language),
          PortalAuditViews.When.of(p.finishedAt(), language));
    }
  }

  @GetMapping
  String list(
      @RequestParam(name = "gestartet", required = false) String started,
      Model model,
      HttpServletResponse response) {
    return page(model, started, null);
  }

  /**
   * Rebuilds the read model from the whole history, as {@code POST
   * /api/v1/audit/projections/{name}/rebuild}: 303 to the list; an unknown name is the 404 page; a
   * rebuild of it under way already is the list with that said (409).
   */
  @PostMapping("/{name}/neuaufbau")
  ModelAndView rebuild(@PathVariable String name, Model model, HttpServletResponse response) {
    try {
      rebuilds.rebuild(name);
    } catch (ReadModelRebuilds.UnknownReadModel unknown) {
      return new ModelAndView(PortalPage.notFound(model, response), model.asMap());
    } catch (ReadModelRebuilds.RebuildRunning running) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return new ModelAndView(page(model, null, name), model.asMap());
    }
    RedirectView back =
        new RedirectView(
            org.springframework.web.util.UriComponentsBuilder.fromPath(ROOT)
                    .queryParam("gestartet", name)
                    .encode()
                    .build()
                    .toUriString()
                + "#modell-"
                + name);
    back.setStatusCode(HttpStatus.SEE_OTHER);
    back.setExposeModelAttributes(false);
    return new ModelAndView(back);
  }

  private String page(Model model, String started, String running) {
    String language = PortalPage.language();
    List<Shown> models =
        rebuilds.list().stream().map(s -> shown(s, rebuilds.progress(s.name()), language)).toList();
    model.addAttribute("models", models);
    // only a name of the list is repeated on the page
    model.addAttribute(
        "started",
        started != null && models.stream().anyMatch(m -> m.name().equals(started))
            ? started
            : null);
    model.addAttribute("running", running);
    return "portal/pruefung/lesemodelle";
  }

  private static Shown shown(Standing s, Optional<Progress> progress, String language) {
    return new Shown(
        s.name(),
        s.version(),
        s.generation(),
        s.status().name(),
        s.position(),
        s.lag(),
        progress.map(p -> Rebuild.of(p, language)).orElse(null));
  }
}
