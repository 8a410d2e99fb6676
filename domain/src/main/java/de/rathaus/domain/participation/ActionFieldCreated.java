package de.rathaus.domain.participation;

import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.serialization.Revision;

/**
 * An action field was added to the city's strategy as reference data; it is active.
 *
 * @param description what the field covers, or {@code null} if none was given
 */
@Revision("1")
public record ActionFieldCreated(
    ActionFieldCode code, LocalizedText name, LocalizedText description) {

  public ActionFieldCreated {
    if (code == null || name == null) {
      throw new IllegalArgumentException("An action field needs a code and a name");
    }
  }
}
