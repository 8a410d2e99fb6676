package de.rathaus.api.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.transparency.TransparencyController;
import de.rathaus.application.shared.Page;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The verification of the tamper-evident log, for auditors (as {@code GET
 * /api/v1/audit/verification}): the latest signed checkpoint, the full re-hash of the stored
 * history against it with its result said plainly (valid, or the first bad position and why), and
 * an event's inclusion proof and the consistency proof between two tree sizes (RFC 9162), as the
 * public proofs of the API give them. Everything through {@link TransparencyController} itself, so
 * the page answers what the API answers.
 */
@Controller
@Hidden
@RequestMapping(PortalAuditTrail.VERIFICATION)
public class PortalVerification {

  private final TransparencyController transparency;
  private final PortalTexts texts;
  private final ObjectMapper json;

  public PortalVerification(
      TransparencyController transparency, PortalTexts texts, ObjectMapper json) {
    this.transparency = transparency;
    this.texts = texts;
    this.json = json;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalPage.layout(request, model, texts, "audit");
    model.addAttribute("account", PortalViews.account());
  }

  /** The outcome of the verification, as the page says it. */
  record Outcome(
      boolean valid,
      long checkedSize,
      long checkpointsChecked,
      Long firstBadPosition,
      String reason,
      Checkpoint checkpoint) {}

  /** A signed checkpoint. */
  record Checkpoint(
      long treeSize, String rootHash, PortalAuditViews.When signedAt, String logId, String keyId) {}

  @GetMapping
  String verification(
      @RequestParam(required = false) String pruefen,
      @RequestParam(required = false) String position,
      @RequestParam(required = false) String von,
      @RequestParam(required = false) String bis,
      Model model,
      HttpServletResponse response) {
    String language = PortalPage.language();
    Map<String, String> errors = new LinkedHashMap<>();
    model.addAttribute("errors", errors);
    model.addAttribute("position", PortalAuditViews.blankless(position));
    model.addAttribute("von", PortalAuditViews.blankless(von));
    model.addAttribute("bis", PortalAuditViews.blankless(bis));
    try {
      model.addAttribute("latest", checkpoint(json.valueToTree(transparency.latest()), language));
    } catch (NotFound none) {
      model.addAttribute("latest", null);
    }
    if (pruefen != null) {
      JsonNode outcome = json.valueToTree(transparency.verification());
      JsonNode bad = outcome.path("firstBadPosition");
      model.addAttribute(
          "outcome",
          new Outcome(
              outcome.path("valid").asBoolean(false),
              outcome.path("checkedSize").asLong(),
              outcome.path("checkpointsChecked").asLong(),
              bad.isNumber() ? bad.asLong() : null,
              outcome.path("reason").isTextual() ? outcome.path("reason").asText() : null,
              outcome.path("checkpoint").isObject()
                  ? checkpoint(outcome.path("checkpoint"), language)
                  : null));
    }
    if (PortalAuditViews.blankless(position) != null) {
      try {
        model.addAttribute(
            "inclusion",
            PortalAuditViews.rows(
                json.valueToTree(transparency.inclusion(position.strip(), null))));
      } catch (Page.InvalidPageRequest bad) {
        errors.put("position", "portal.audit.error.proof-position");
      } catch (NotFound none) {
        model.addAttribute("noCheckpoint", true);
      }
    }
    if (PortalAuditViews.blankless(von) != null || PortalAuditViews.blankless(bis) != null) {
      try {
        model.addAttribute(
            "consistency",
            PortalAuditViews.rows(
                json.valueToTree(
                    transparency.consistency(
                        PortalAuditViews.blankless(von), PortalAuditViews.blankless(bis)))));
      } catch (Page.InvalidPageRequest bad) {
        errors.put(
            "to".equals(bad.parameter()) ? "proof-bis" : "proof-von",
            "portal.audit.error.proof-size");
      } catch (NotFound none) {
        model.addAttribute("noCheckpoint", true);
      }
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    return "portal/pruefung/pruefen";
  }

  private static Checkpoint checkpoint(JsonNode node, String language) {
    Instant at =
        node.path("timestamp").isTextual() ? Instant.parse(node.path("timestamp").asText()) : null;
    return new Checkpoint(
        node.path("treeSize").asLong(),
        node.path("rootHash").asText(),
        PortalAuditViews.When.of(at, language),
        node.path("logId").asText(),
        node.path("keyId").asText());
  }
}
