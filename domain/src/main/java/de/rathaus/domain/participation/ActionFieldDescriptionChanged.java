package de.rathaus.domain.participation;

import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.serialization.Revision;

/**
 * An action field's description now reads so.
 *
 * @param description the new description, or {@code null} where it was removed
 */
@Revision("1")
public record ActionFieldDescriptionChanged(ActionFieldCode code, LocalizedText description) {

  public ActionFieldDescriptionChanged {
    if (code == null) {
      throw new IllegalArgumentException("An action field code is required");
    }
  }
}
