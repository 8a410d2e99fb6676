package de.rathaus.api.portal;

import de.rathaus.api.shared.Actor;
import de.rathaus.application.privacy.PersonalDataErasure;
import de.rathaus.domain.privacy.ErasePersonalData;
import de.rathaus.domain.privacy.ErasureReason;
import de.rathaus.domain.shared.CitizenId;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Erasure of a data subject's personal data by crypto-shredding (DSGVO Art. 17), for the
 * administrator who handles data protection requests (the role of {@code POST
 * /api/v1/privacy/subjects/{id}/erasure}): the subject's id, the ground (the API's codes, never
 * free words, since the ground stays in the history after the data is gone), the office's optional
 * file number, and a confirmation, since it cannot be undone. It calls the API's {@link
 * PersonalDataErasure} and shows the erasure's id.
 */
@Controller
@Hidden
@RequestMapping(PortalErasure.ROOT)
public class PortalErasure {

  static final String ROOT = PortalStaff.ROOT + "/loeschung";

  /** The grounds an administrator may give ({@code RETENTION_EXPIRED} is the engine's own). */
  static final List<String> REASONS =
      Arrays.stream(ErasureReason.values())
          .filter(r -> r != ErasureReason.RETENTION_EXPIRED)
          .map(Enum::name)
          .toList();

  private final PersonalDataErasure erasure;
  private final PortalTexts texts;

  public PortalErasure(PersonalDataErasure erasure, PortalTexts texts) {
    this.erasure = erasure;
    this.texts = texts;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalStaff.layout(request, model, texts);
  }

  @GetMapping
  ModelAndView form(
      @RequestParam(name = "loeschung", required = false) String erasureId,
      @RequestParam(name = "schluessel", required = false) String keyDestroyed) {
    ModelAndView page = page(HttpStatus.OK, Map.of(), Map.of());
    if (erasureId != null && erasureId.matches("[0-9a-f-]{36}")) {
      page.addObject("erasureId", erasureId);
      page.addObject("keyDestroyed", "ja".equals(keyDestroyed));
    }
    return page;
  }

  @PostMapping
  ModelAndView erase(
      @RequestParam(name = "person", required = false) String subject,
      @RequestParam(name = "grund", required = false) String reason,
      @RequestParam(name = "aktenzeichen", required = false) String reference,
      @RequestParam(name = "bestaetigt", required = false) String confirmed,
      Authentication caller) {
    String person = PortalStaff.given(subject);
    String file = PortalStaff.given(reference);
    Map<String, String> errors = new LinkedHashMap<>();
    if (person == null) {
      errors.put("person", "portal.form.error.REQUIRED");
    } else if (person.length() > 200) {
      errors.put("person", "portal.form.error.TOO_LONG");
    }
    if (reason == null || !REASONS.contains(reason)) {
      errors.put("grund", "portal.staff.erasure.error.reason");
    }
    if (file != null && !file.matches(ErasePersonalData.REFERENCE_FORMAT)) {
      errors.put("aktenzeichen", "portal.staff.erasure.error.reference");
    }
    if (!"ja".equals(confirmed)) {
      errors.put("bestaetigt", "portal.staff.erasure.error.confirm");
    }
    Map<String, String> entered = new LinkedHashMap<>();
    entered.put("person", subject);
    entered.put("grund", reason);
    entered.put("aktenzeichen", reference);
    if (!errors.isEmpty()) {
      return page(HttpStatus.BAD_REQUEST, errors, entered);
    }
    PersonalDataErasure.Erased erased =
        erasure.erase(
            new CitizenId(person), ErasureReason.valueOf(reason), file, Actor.of(caller).id());
    return PortalStaff.seeOther(
        ROOT
            + "?loeschung="
            + erased.erasureId()
            + "&schluessel="
            + (erased.keyDestroyed() ? "ja" : "nein"));
  }

  private ModelAndView page(
      HttpStatus status, Map<String, String> errors, Map<String, String> entered) {
    ModelAndView page = new ModelAndView("portal/verwaltung/loeschung", status);
    page.addObject("here", ROOT);
    page.addObject("reasons", REASONS);
    page.addObject("errors", errors);
    page.addObject("entered", entered);
    page.addObject("erasureId", null);
    return page;
  }
}
