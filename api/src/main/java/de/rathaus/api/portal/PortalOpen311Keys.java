package de.rathaus.api.portal;

import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.open311.FindOpen311Key;
import de.rathaus.application.open311.IssuedOpen311Key;
import de.rathaus.application.open311.ListOpen311Keys;
import de.rathaus.application.open311.Open311KeyAdministration;
import de.rathaus.application.open311.Open311KeyPage;
import de.rathaus.application.open311.Open311KeyProjection;
import de.rathaus.application.open311.Open311KeyView;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.open311.Open311KeyId;
import de.rathaus.domain.open311.Open311KeyRuleViolation;
import de.rathaus.domain.open311.Open311KeyRules;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The API keys of Open311 clients, for administrators (the role of {@code /api/v1/open311/keys}):
 * the keys, valid and revoked, never a key or its hash; issuing one under a name, whose page shows
 * the key this once (it is answered directly, not after a redirect, and never cached: only its
 * SHA-256 is recorded, so it is kept nowhere to show again); and revoking one. Each calls the API's
 * {@link Open311KeyAdministration} and waits until the keys' read model shows the change.
 */
@Controller
@Hidden
@RequestMapping(PortalOpen311Keys.ROOT)
public class PortalOpen311Keys {

  static final String ROOT = PortalStaff.ROOT + "/open311";

  static final int MAX_REASON = 500;

  private final Open311KeyAdministration administration;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;
  private final PortalTexts texts;

  public PortalOpen311Keys(
      Open311KeyAdministration administration,
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      PortalTexts texts) {
    this.administration = administration;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
    this.texts = texts;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalStaff.layout(request, model, texts);
  }

  /** A key in the list. */
  record Listed(
      String id, String name, PortalPublicViews.When issued, PortalPublicViews.When revoked) {}

  @GetMapping
  ModelAndView list(@RequestParam(name = "widerrufen", required = false) String revoked) {
    ModelAndView page = page(HttpStatus.OK, null, null);
    page.addObject("revoked", revoked != null);
    return page;
  }

  @PostMapping
  ModelAndView issue(
      @RequestParam(name = "name", required = false) String name, HttpServletResponse response) {
    String given = PortalStaff.given(name);
    String error =
        given == null
            ? "portal.form.error.REQUIRED"
            : given.length() > Open311KeyRules.MAX_NAME_LENGTH
                ? "portal.form.error.TOO_LONG"
                : null;
    if (error != null) {
      return page(HttpStatus.BAD_REQUEST, error, name);
    }
    IssuedOpen311Key issued;
    try {
      issued = readYourWrites.run(() -> administration.issue(given), Open311KeyProjection.NAME);
    } catch (Open311KeyRuleViolation refused) {
      return page(HttpStatus.BAD_REQUEST, "portal.form.error.TOO_LONG", name);
    }
    // the key is shown this once: no cache, no redirect (nothing keeps it to show after one)
    response.setHeader("Cache-Control", "no-store");
    ModelAndView page = new ModelAndView("portal/verwaltung/open311-neu", HttpStatus.CREATED);
    page.addObject("here", ROOT);
    page.addObject("id", issued.id().value());
    page.addObject("name", issued.name());
    page.addObject("key", issued.key());
    return page;
  }

  @PostMapping("/{id}/widerruf")
  ModelAndView revoke(@PathVariable String id) {
    Optional<Open311KeyView> key = find(id);
    if (key.isEmpty()) {
      return PortalStaff.notFound();
    }
    try {
      readYourWrites.run(
          () -> {
            administration.revoke(key.get().id(), null);
            return null;
          },
          Open311KeyProjection.NAME);
    } catch (Open311KeyRuleViolation refused) {
      ModelAndView page = page(HttpStatus.CONFLICT, null, null);
      page.addObject("conflict", true);
      return page;
    }
    return PortalStaff.seeOther(ROOT + "?widerrufen");
  }

  private Optional<Open311KeyView> find(String id) {
    if (id == null || !Open311KeyId.isWellFormed(id)) {
      return Optional.empty();
    }
    return Answers.of(
        queries.query(
            new FindOpen311Key(new Open311KeyId(id)),
            ResponseTypes.optionalInstanceOf(Open311KeyView.class)));
  }

  private ModelAndView page(HttpStatus status, String nameError, String nameText) {
    String language = PortalPage.language();
    List<Open311KeyView> keys = new ArrayList<>();
    String cursor = null;
    do {
      Open311KeyPage page =
          Answers.of(
              queries.query(
                  new ListOpen311Keys(cursor, Page.MAX_SIZE),
                  ResponseTypes.instanceOf(Open311KeyPage.class)));
      keys.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    ModelAndView page = new ModelAndView("portal/verwaltung/open311", status);
    page.addObject("here", ROOT);
    page.addObject(
        "keys",
        keys.stream()
            .map(
                k ->
                    new Listed(
                        k.id().value(),
                        k.name(),
                        PortalPublicViews.When.of(k.issuedAt(), language),
                        k.revokedAt() == null
                            ? null
                            : PortalPublicViews.When.of(k.revokedAt(), language)))
            .toList());
    page.addObject("nameError", nameError);
    page.addObject("nameText", nameText);
    page.addObject("conflict", false);
    page.addObject("revoked", false);
    return page;
  }
}
