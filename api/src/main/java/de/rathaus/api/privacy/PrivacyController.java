package de.rathaus.api.privacy;

import de.rathaus.api.shared.Actor;
import de.rathaus.application.privacy.PersonalDataErasure;
import de.rathaus.application.privacy.PersonalDataExport;
import de.rathaus.domain.privacy.ErasePersonalData;
import de.rathaus.domain.privacy.ErasureReason;
import de.rathaus.domain.shared.CitizenId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
  private final AccessRecording access;

  public PrivacyController(
      PersonalDataExport export, PersonalDataErasure erasure, AccessRecording access) {
    this.export = export;
    this.erasure = erasure;
    this.access = access;
  }

  /** Everything the engine holds about the caller, as JSON. */
  @GetMapping("/me")
  public PersonalDataExport.SubjectData me(Authentication caller) {
    CitizenId subject = new CitizenId(Actor.of(caller).id());
    PersonalDataExport.SubjectData data = export.export(subject);
    access.export(caller, subject);
    return data;
  }

  /** The reasons an admin may give; {@code RETENTION_EXPIRED} is the engine's own. */
  static final String REASONS =
      "NO_LONGER_NEEDED|CONSENT_WITHDRAWN|OBJECTION|UNLAWFULLY_PROCESSED|LEGAL_OBLIGATION";

  /**
   * @param reason why, as a ground of DSGVO Art. 17(1): {@code NO_LONGER_NEEDED}, {@code
   *     CONSENT_WITHDRAWN}, {@code OBJECTION}, {@code UNLAWFULLY_PROCESSED} or {@code
   *     LEGAL_OBLIGATION}; a code, not words, since it stays in the history after the data is gone
   * @param reference the office's file number of the erasure, where the details are kept (optional;
   *     capital letters, digits, {@code . / -}, at least one digit, at most 40)
   */
  record ErasureInput(
      @NotBlank @Pattern(regexp = REASONS) String reason,
      @Pattern(regexp = ErasePersonalData.REFERENCE_FORMAT) String reference) {}

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
        new CitizenId(id),
        ErasureReason.valueOf(input.reason()),
        input.reference(),
        Actor.of(caller).id());
  }
}
