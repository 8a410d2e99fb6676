package de.rathaus.api.portal;

import de.rathaus.application.transparency.CheckpointView;
import de.rathaus.application.transparency.Checkpoints;
import de.rathaus.application.transparency.LogKeySet;
import de.rathaus.application.transparency.VerifierKey;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The tamper-evident log for people (no sign-in): the latest signed checkpoint, the log's public
 * key and the earlier keys that signed its older checkpoints (each with its period), as the API's
 * transparency endpoints give them ({@code /api/v1/audit/checkpoints/latest}, {@code
 * /.well-known/rathaus-log-key}), and how anyone checks the history offline against them.
 */
@Controller
@Hidden
@RequestMapping(PortalController.ROOT + "/transparenz")
public class PortalTransparencyController {

  /** The checkpoint as the page shows it. */
  record Checkpoint(
      String logId,
      long treeSize,
      String rootHash,
      PortalPublicViews.When signedAt,
      String signature,
      String keyId,
      String note) {}

  /**
   * A public key of the log in its three published forms, its key id and its period (a {@code
   * validFrom} of null: since the log began; a {@code validUntil} of null: it still signs).
   */
  record Key(
      String logId,
      String publicKey,
      String pem,
      String verifierKey,
      String keyId,
      PortalPublicViews.When validFrom,
      PortalPublicViews.When validUntil) {

    static Key of(LogKeySet.KeyPeriod period, String language) {
      VerifierKey key = period.key();
      return new Key(
          key.name(),
          Base64.getEncoder().encodeToString(key.raw()),
          key.pem(),
          key.verifierKeyString(),
          key.keyIdHex(),
          PortalPublicViews.When.of(period.validFrom(), language),
          PortalPublicViews.When.of(period.validUntil(), language));
    }
  }

  private final Checkpoints checkpoints;
  private final LogKeySet keys;
  private final PortalTexts texts;

  public PortalTransparencyController(Checkpoints checkpoints, LogKeySet keys, PortalTexts texts) {
    this.checkpoints = checkpoints;
    this.keys = keys;
    this.texts = texts;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalPage.layout(request, model, texts, "transparency");
  }

  @GetMapping
  String transparency(Model model) {
    String language = PortalPage.language();
    Optional<CheckpointView> latest = checkpoints.latest();
    model.addAttribute(
        "checkpoint",
        latest
            .map(
                c ->
                    new Checkpoint(
                        c.logId(),
                        c.treeSize(),
                        c.rootHash(),
                        PortalPublicViews.When.of(c.signedAt(), language),
                        c.signature(),
                        c.keyId(),
                        c.note()))
            .orElse(null));
    List<Key> all = keys.periods().stream().map(p -> Key.of(p, language)).toList();
    model.addAttribute("key", all.get(0));
    model.addAttribute("earlierKeys", all.subList(1, all.size()));
    return "portal/transparenz";
  }
}
