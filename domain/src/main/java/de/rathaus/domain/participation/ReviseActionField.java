package de.rathaus.domain.participation;

import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator saves an action field's name and description as they are now, for example after
 * the council renamed it in a new edition of the strategy. The code stays: consultations refer to
 * it. A missing description removes it.
 */
public record ReviseActionField(
    ActionFieldCode code, LocalizedText name, LocalizedText description) {

  public ReviseActionField {
    if (code == null || name == null) {
      throw new IllegalArgumentException("An action field needs a code and a name");
    }
  }

  @TargetAggregateIdentifier
  public ActionFieldId id() {
    return ActionFieldId.of(code);
  }
}
