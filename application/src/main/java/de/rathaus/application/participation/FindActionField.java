package de.rathaus.application.participation;

import de.rathaus.domain.participation.ActionFieldCode;

/**
 * Asks for one action field by code, active or retired; answers an empty Optional for a code that
 * names none.
 */
public record FindActionField(ActionFieldCode code) {

  public FindActionField {
    if (code == null) {
      throw new IllegalArgumentException("An action field code is required");
    }
  }
}
