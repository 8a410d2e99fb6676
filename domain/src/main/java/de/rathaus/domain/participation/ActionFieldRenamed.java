package de.rathaus.domain.participation;

import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.serialization.Revision;

/** An action field got a new name; its code, and so every reference to it, stays. */
@Revision("1")
public record ActionFieldRenamed(ActionFieldCode code, LocalizedText name) {

  public ActionFieldRenamed {
    if (code == null || name == null) {
      throw new IllegalArgumentException("An action field code and the new name are required");
    }
  }
}
