package de.rathaus.domain.participation;

import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator adds an action field of the city's strategy under a code not used before, with
 * its name and, optionally, a description of what the field covers. From then on consultations may
 * belong to it.
 */
public record CreateActionField(
    ActionFieldCode code, LocalizedText name, LocalizedText description) {

  public CreateActionField {
    if (code == null || name == null) {
      throw new IllegalArgumentException("An action field needs a code and a name");
    }
  }

  @TargetAggregateIdentifier
  public ActionFieldId id() {
    return ActionFieldId.of(code);
  }
}
