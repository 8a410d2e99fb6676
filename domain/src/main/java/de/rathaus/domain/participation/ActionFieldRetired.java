package de.rathaus.domain.participation;

import org.axonframework.serialization.Revision;

/**
 * An action field was retired: no new consultation names it any more.
 *
 * @param reason why the administrator retired it
 */
@Revision("1")
public record ActionFieldRetired(ActionFieldCode code, String reason) {

  public ActionFieldRetired {
    if (code == null) {
      throw new IllegalArgumentException("An action field code is required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Retiring an action field needs a reason");
    }
  }
}
