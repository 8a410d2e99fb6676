package de.rathaus.domain.participation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator retires an action field for good, saying why (for example "merged into Digital
 * administration" in a new edition of the strategy). New consultations may no longer name it; it
 * stays readable, as past consultations name it.
 */
public record RetireActionField(ActionFieldCode code, String reason) {

  public RetireActionField {
    if (code == null) {
      throw new IllegalArgumentException("An action field code is required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Retiring an action field needs a reason");
    }
  }

  @TargetAggregateIdentifier
  public ActionFieldId id() {
    return ActionFieldId.of(code);
  }
}
