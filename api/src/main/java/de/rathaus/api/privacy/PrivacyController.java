package de.rathaus.api.privacy;

import de.rathaus.api.shared.Actor;
import de.rathaus.application.privacy.PersonalDataErasure;
import de.rathaus.application.privacy.PersonalDataExport;
import de.rathaus.domain.privacy.ErasureGround;
import de.rathaus.domain.shared.CitizenId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's own data (DSGVO Art. 15, 20) and erasure by crypto-shredding (Art. 17) for the admin
 * who handles data protection requests.
 */
@RestController
@RequestMapping("/api/v1/privacy")
public class PrivacyController {

  private final PersonalDataExport export;
  private final PersonalDataErasure erasure;

  public PrivacyController(PersonalDataExport export, PersonalDataErasure erasure) {
    this.export = export;
    this.erasure = erasure;
  }

  /** Everything the engine holds about the caller, as JSON. */
  @GetMapping("/me")
  public PersonalDataExport.SubjectData me(Authentication caller) {
    return export.export(new CitizenId(Actor.of(caller).id()));
  }

  /**
   * @param reason why, for the audit trail; it must not contain personal data
   */
  record ErasureInput(@NotBlank @Size(max = 2_000) String reason) {}

  /**
   * Erases a citizen's personal data: their key is destroyed and the erasure recorded. Answers the
   * erasure's id; also when nothing was held any more ({@code keyDestroyed: false}), since the
   * request itself is worth recording.
   */
  @PostMapping("/subjects/{id}/erasure")
  public PersonalDataErasure.Erased erase(
      @PathVariable @Size(max = 200) String id,
      @Valid @RequestBody ErasureInput input,
      Authentication caller) {
    return erasure.erase(
        new CitizenId(id), ErasureGround.REQUEST, input.reason(), Actor.of(caller).id());
  }
}
